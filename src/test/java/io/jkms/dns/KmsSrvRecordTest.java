package io.jkms.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.xbill.DNS.SRVRecord;

class KmsSrvRecordTest {
    static KmsSrvRecord record(String zone, String target) {
        return new KmsSrvRecord(zone, 10, 60, 1688, target, Duration.ofHours(1));
    }

    @Test
    void namesAreTrimmedLowerCasedAndLoseTheTrailingDot() {
        KmsSrvRecord r = record(" Corp.Example. ", "KMS1.corp.example.");

        assertThat(r.zone()).isEqualTo("corp.example");
        assertThat(r.target()).isEqualTo("kms1.corp.example");
        assertThat(r.owner()).isEqualTo("_vlmcs._tcp.corp.example.");
        assertThat(r.rdata()).isEqualTo("10 60 1688 kms1.corp.example.");
        assertThat(r.zoneLine()).isEqualTo("_vlmcs._tcp.corp.example. 3600 IN SRV 10 60 1688 kms1.corp.example.");
    }

    @Test
    void theDnsjavaRecordCarriesTheSameFields() {
        SRVRecord srv = record("corp.example", "kms1.corp.example").toDnsjava();

        assertThat(srv.getName().toString()).isEqualTo("_vlmcs._tcp.corp.example.");
        assertThat(srv.getTTL()).isEqualTo(3600);
        assertThat(srv.getPriority()).isEqualTo(10);
        assertThat(srv.getWeight()).isEqualTo(60);
        assertThat(srv.getPort()).isEqualTo(1688);
        assertThat(srv.getTarget().toString()).isEqualTo("kms1.corp.example.");
        assertThat(record("corp.example", "kms").zoneName().toString()).isEqualTo("corp.example.");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", "a..b", "-a.example", "a-.example", "a b.example", "a;b", "\"x\"", "a$(x)",
        "k\u00e9ms.example", "a.example.."})
    void aNameAZoneFileOrPowerShellWouldReadDifferentlyIsRefused(String name) {
        assertThatIllegalArgumentException().isThrownBy(() -> record(name, "kms"))
                .withMessageContaining("zone '" + name + "' is not a DNS name");
        assertThatIllegalArgumentException().isThrownBy(() -> record("corp.example", name))
                .withMessageContaining("target '" + name + "'");
    }

    @Test
    void labelsUpTo63AndNamesUpTo253CharactersAreAccepted() {
        String label = "a".repeat(63);
        assertThat(record(label + ".example", "kms").zone()).startsWith(label);
        String name253 = String.join(".", java.util.Collections.nCopies(63, "abc")) + ".a";
        assertThat(name253).hasSize(253);
        assertThat(record(name253, "kms").zone()).isEqualTo(name253);
        assertThatIllegalArgumentException().isThrownBy(() -> record(name253 + "b", "kms"));
        assertThatIllegalArgumentException().isThrownBy(() -> record("a".repeat(64) + ".example", "kms"));
        assertThat(record("_msdcs.corp", "kms_1").target()).isEqualTo("kms_1");
    }

    @Test
    void numbersAndTtlAreChecked() {
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsSrvRecord("z", -1, 0, 1688, "t", Duration.ZERO))
                .withMessage("priority outside 0..65535: -1");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsSrvRecord("z", 0, 65536, 1688, "t", Duration.ZERO))
                .withMessage("weight outside 0..65535: 65536");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsSrvRecord("z", 0, 0, 0, "t", Duration.ZERO))
                .withMessage("port outside 1..65535: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsSrvRecord("z", 0, 0, 1, "t", Duration.ofMillis(1500)))
                .withMessageContaining("TTL must be whole seconds");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsSrvRecord("z", 0, 0, 1, "t", Duration.ofSeconds(-1)));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new KmsSrvRecord("z", 0, 0, 1, "t", Duration.ofSeconds(Integer.MAX_VALUE + 1L)));
        assertThat(new KmsSrvRecord("z", 65535, 65535, 65535, "t", Duration.ofSeconds(Integer.MAX_VALUE)).zoneLine())
                .isEqualTo("_vlmcs._tcp.z. 2147483647 IN SRV 65535 65535 65535 t.");
    }
}
