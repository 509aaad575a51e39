package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResponseVerificationExceptionTest {

    @Test
    void verificationExceptionNamesFieldExpectedAndActual() {
        ResponseVerificationException e = new ResponseVerificationException("CMID", "a", "b");
        assertThat(e.getMessage()).contains("CMID", "expected a", "was b");
        assertThat(e.field()).isEqualTo("CMID");
        assertThat(e.expected()).isEqualTo("a");
        assertThat(e.actual()).isEqualTo("b");
        assertThat(e.getMessage()).isEqualTo("KMS response rejected: CMID expected a but was b");
    }
}
