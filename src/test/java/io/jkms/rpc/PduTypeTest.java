package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PduTypeTest {

    @Test
    void everyTypeMapsToAndFromItsWireCode() {
        for (PduType type : PduType.values()) {
            assertThat(PduType.of(type.code())).contains(type);
        }
        assertThat(PduType.BIND.code()).isEqualTo(11);
        assertThat(PduType.ALTER_CONTEXT_RESP.code()).isEqualTo(15);
        assertThat(PduType.REQUEST.code()).isZero();
    }

    @Test
    void codesWithoutAKmsTypeAreEmptyNotAnError() {
        for (int code : new int[] {1, 4, 5, 6, 7, 8, 9, 10, 16, 19, 255, -1, Integer.MAX_VALUE, Integer.MIN_VALUE}) {
            assertThat(PduType.of(code)).as("code %d", code).isEmpty();
        }
    }
}
