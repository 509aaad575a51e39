package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KmsExceptionTest {

    @Test
    void kmsExceptionCarriesItsHresultAndNamesIt() {
        KmsException e = new KmsException(Hresult.INVALID_TIMESTAMP, "clock skew");
        assertThat(e.hresult()).isEqualTo(0xC004F06C);
        assertThat(e.getMessage()).contains("clock skew", "0xC004F06C", "SL_E_VL_INVALID_TIMESTAMP");
    }

    @Test
    void anUnknownHresultIsCarriedAsIs() {
        KmsException e = new KmsException(0x12345678, "odd");
        assertThat(e.hresult()).isEqualTo(0x12345678);
        assertThat(e.getMessage()).isEqualTo("odd [0x12345678 unknown HRESULT: no description]");
    }
}
