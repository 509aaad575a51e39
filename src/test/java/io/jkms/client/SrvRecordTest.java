package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SrvRecordTest {

    @Test
    void parsesThePresentationFormLowerCasingAndDroppingTheTrailingDot() {
        SrvRecord r = SrvRecord.parse("  10 60\t1688   KMS1.Corp.Example. ");

        assertThat(r).isEqualTo(new SrvRecord(10, 60, 1688, "kms1.corp.example"));
        assertThat(r.noService()).isFalse();
        assertThat(r.address()).isEqualTo(new HostAddress("kms1.corp.example", 1688));
    }

    @Test
    void aDotTargetMeansNoService() {
        assertThat(SrvRecord.parse("0 0 0 .").noService()).isTrue();
        assertThat(new SrvRecord(0, 0, 0, "").noService()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "10 60 1688", "10 60 1688 a b", "x 60 1688 kms", "10 60 port kms",
        "10 60 99999999999 kms"})
    void notFourFieldsWithNumbersIsRefused(String text) {
        assertThatIllegalArgumentException().isThrownBy(() -> SrvRecord.parse(text)).withMessageContaining("SRV record");
    }

    @Test
    void everyNumberMustBeAnUnsigned16BitValue() {
        assertThatIllegalArgumentException().isThrownBy(() -> SrvRecord.parse("65536 0 1688 kms"))
                .withMessage("SRV priority outside 0..65535: 65536");
        assertThatIllegalArgumentException().isThrownBy(() -> new SrvRecord(0, -1, 1688, "kms"))
                .withMessage("SRV weight outside 0..65535: -1");
        assertThatIllegalArgumentException().isThrownBy(() -> new SrvRecord(0, 0, 70000, "kms"))
                .withMessage("SRV port outside 0..65535: 70000");
        assertThat(new SrvRecord(65535, 65535, 65535, "kms").priority()).isEqualTo(65535);
    }

    @Test
    void aPortZeroRecordHasNoUsableAddress() {
        assertThatIllegalArgumentException().isThrownBy(() -> new SrvRecord(0, 0, 0, "kms").address());
    }
}
