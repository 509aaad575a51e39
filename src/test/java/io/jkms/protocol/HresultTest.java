package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HresultTest {

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
    void anUnknownHresultHasAFixedNameAndMeaning() {
        assertThat(Hresult.name(0x80004005)).isEqualTo("unknown HRESULT");
        assertThat(Hresult.meaning(0x80004005)).isEqualTo("no description");
        assertThat(Hresult.describe(0x80004005)).isEqualTo("0x80004005 unknown HRESULT: no description");
    }

    @Test
    void hexIsEightUpperCaseDigitsEvenForSmallAndNegativeValues() {
        assertThat(Hresult.hex(0)).isEqualTo("0x00000000");
        assertThat(Hresult.hex(0xd)).isEqualTo("0x0000000D");
        assertThat(Hresult.hex(-1)).isEqualTo("0xFFFFFFFF");
        assertThat(Hresult.hex(Hresult.INVALID_DATA)).isEqualTo("0x8007000D");
    }

    @Test
    void everyNamedHresultHasItsOwnNameAndMeaning() {
        int[] known = {Hresult.S_OK, Hresult.INVALID_DATA, Hresult.KMS_ID_MISMATCH, Hresult.INVALID_TIMESTAMP,
            Hresult.NOT_ENOUGH_COUNT, Hresult.BINDING_SERVICE_UNAVAILABLE, Hresult.INVALID_ARG,
            Hresult.ACCESS_DENIED, Hresult.KMS_NOT_ENABLED, Hresult.KMS_NOT_ACTIVATED};
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int h : known) {
            assertThat(Hresult.name(h)).as(Hresult.hex(h)).isNotEqualTo("unknown HRESULT");
            assertThat(Hresult.meaning(h)).as(Hresult.hex(h)).isNotEqualTo("no description");
            names.add(Hresult.name(h));
        }
        assertThat(names).hasSize(known.length);
        assertThat(Hresult.name(Hresult.S_OK)).isEqualTo("S_OK");
    }
}
