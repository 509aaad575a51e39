package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HostAddressTest {

    @Test
    void hostAddressesParseAsUsersWriteThem() {
        assertThat(HostAddress.parse("kms.example.org")).isEqualTo(new HostAddress("kms.example.org", 1688));
        assertThat(HostAddress.parse("192.0.2.1:21688")).isEqualTo(new HostAddress("192.0.2.1", 21688));
        assertThat(HostAddress.parse("[::1]:1689")).isEqualTo(new HostAddress("::1", 1689));
        assertThat(HostAddress.parse("[::1]")).isEqualTo(new HostAddress("::1", 1688));
        assertThat(HostAddress.parse("fe80::1")).isEqualTo(new HostAddress("fe80::1", 1688));
        assertThat(new HostAddress("::1", 1688)).hasToString("[::1]:1688");
        List<String> bad = new ArrayList<>(List.of("", "host:", "host:0", "host:65536", "[::1", "[::1]x", "a b:1"));
        for (String s : bad) {
            org.assertj.core.api.Assertions.assertThatIllegalArgumentException().as(s)
                    .isThrownBy(() -> HostAddress.parse(s));
        }
    }

    @Test
    void parseTrimsAndKeepsFiveDigitPorts() {
        assertThat(HostAddress.parse("  kms.corp:65535 ")).isEqualTo(new HostAddress("kms.corp", 65535));
        assertThat(HostAddress.parse("kms:1")).isEqualTo(new HostAddress("kms", 1));
    }

    @ParameterizedTest
    @ValueSource(strings = {"host:+1", "host:-1", "host:016888", "host:1x", "host:99999", "[::1]:", "[]:1688",
        "a]b", "tab\there"})
    void badTextIsRefusedWithAMessage(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> HostAddress.parse(text)).withMessageContaining("'");
    }

    @Test
    void theConstructorChecksWhatParseWouldNot() {
        assertThatIllegalArgumentException().isThrownBy(() -> new HostAddress("[::1]", 1688))
                .withMessageContaining("not a host name or address");
        assertThatIllegalArgumentException().isThrownBy(() -> new HostAddress("kms", 0))
                .withMessage("port must be 1..65535: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new HostAddress("kms", 65536));
    }

    @Test
    void parseNameAcceptsDnsNamesAndIpLiterals() {
        assertThat(HostAddress.parseName("kms-1.corp.example:1689")).isEqualTo(new HostAddress("kms-1.corp.example", 1689));
        assertThat(HostAddress.parseName("192.0.2.7")).isEqualTo(new HostAddress("192.0.2.7", 1688));
        assertThat(HostAddress.parseName("[2001:db8::1]:1688")).isEqualTo(new HostAddress("2001:db8::1", 1688));
        assertThat(HostAddress.parseName("a".repeat(63) + ".example")).extracting(HostAddress::host)
                .isEqualTo("a".repeat(63) + ".example");
    }

    @ParameterizedTest
    @ValueSource(strings = {"-kms.example", "kms-.example", "kms..example", "kms_1.example", "<script>",
        "k\u00e9ms.example", "2001:db8::zz", "::1::2"})
    void parseNameRefusesWhatIsNeitherANameNorALiteral(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> HostAddress.parseName(text))
                .withMessageContaining("not a host name or IP address");
    }

    @Test
    void parseNameRefusesOverlongLabelsAndNames() {
        assertThatIllegalArgumentException().isThrownBy(() -> HostAddress.parseName("a".repeat(64) + ".example"));
        String longName = String.join(".", java.util.Collections.nCopies(64, "abc")); // 255 characters
        assertThatIllegalArgumentException().isThrownBy(() -> HostAddress.parseName(longName));
    }

    @Test
    void unresolvedKeepsHostAndPortWithoutALookup() {
        var address = new HostAddress("kms.invalid", 1700).unresolved();
        assertThat(address.isUnresolved()).isTrue();
        assertThat(address.getHostString()).isEqualTo("kms.invalid");
        assertThat(address.getPort()).isEqualTo(1700);
        assertThat(new HostAddress("kms.invalid", 1700)).hasToString("kms.invalid:1700");
    }
}
