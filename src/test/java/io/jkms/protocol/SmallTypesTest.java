package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** ProtocolVersion, Hresult, KmsException, ResponseVerificationException and FileTime. */
class SmallTypesTest {

    @Test
    void versionsMapToAndFromTheirWireValue() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            assertThat(ProtocolVersion.fromWire(v.wireValue())).isSameAs(v);
        }
        assertThat(ProtocolVersion.V6.wireValue()).isEqualTo(0x60000L);
        assertThat(ProtocolVersion.V4.major()).isEqualTo(4);
    }

    @Test
    void minorVersionOneIsInvalidData() {
        assertThatThrownBy(() -> ProtocolVersion.fromWire(0x60001L))
                .isInstanceOfSatisfying(KmsException.class,
                        e -> assertThat(e.hresult()).isEqualTo(Hresult.INVALID_DATA))
                .hasMessageContaining("6.1");
    }

    @Test
    void hresultsDescribeThemselves() {
        assertThat(Hresult.describe(Hresult.KMS_ID_MISMATCH))
                .isEqualTo("0xC004F042 SL_E_VL_KEY_MANAGEMENT_SERVICE_ID_MISMATCH: the KMS host refuses this product");
        assertThat(Hresult.name(Hresult.INVALID_DATA)).isEqualTo("HRESULT_FROM_WIN32(ERROR_INVALID_DATA)");
        assertThat(Hresult.describe(0x12345678)).startsWith("0x12345678 unknown HRESULT");
        assertThat(Hresult.INVALID_ARG).isEqualTo(0xC004D104);
        assertThat(Hresult.meaning(Hresult.NOT_ENOUGH_COUNT)).contains("fewer clients");
    }

    @Test
    void kmsExceptionCarriesItsHresultAndNamesIt() {
        KmsException e = new KmsException(Hresult.INVALID_TIMESTAMP, "clock skew");
        assertThat(e.hresult()).isEqualTo(0xC004F06C);
        assertThat(e.getMessage()).contains("clock skew", "0xC004F06C", "SL_E_VL_INVALID_TIMESTAMP");
    }

    @Test
    void verificationExceptionNamesFieldExpectedAndActual() {
        ResponseVerificationException e = new ResponseVerificationException("CMID", "a", "b");
        assertThat(e.getMessage()).contains("CMID", "expected a", "was b");
        assertThat(e.field()).isEqualTo("CMID");
    }

    @Test
    void fileTimeConvertsBothWaysIncludingTheUnsignedTop() {
        Instant instant = Instant.parse("2026-11-22T01:39:58.1234567Z");
        assertThat(FileTime.toInstant(FileTime.fromInstant(instant))).isEqualTo(instant);
        assertThat(FileTime.toInstant(0)).isEqualTo(Instant.parse("1601-01-01T00:00:00Z"));
        assertThat(FileTime.toInstant(-1L)).isAfter(Instant.parse("+30000-01-01T00:00:00Z"));
        assertThatThrownBy(() -> FileTime.fromInstant(Instant.parse("1600-12-31T23:59:59Z")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
