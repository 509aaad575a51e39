package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionTest {

    @Test
    void versionsMapToAndFromTheirWireValue() {
        for (ProtocolVersion v : ProtocolVersion.values()) {
            assertThat(ProtocolVersion.fromWire(v.wireValue())).isSameAs(v);
        }
        assertThat(ProtocolVersion.V6.wireValue()).isEqualTo(0x60000L);
        assertThat(ProtocolVersion.V4.major()).isEqualTo(4);
        assertThat(ProtocolVersion.V5.toString()).isEqualTo("5.0");
    }

    @Test
    void minorVersionOneIsInvalidData() {
        assertThatThrownBy(() -> ProtocolVersion.fromWire(0x60001L))
                .isInstanceOfSatisfying(KmsException.class,
                        e -> assertThat(e.hresult()).isEqualTo(Hresult.INVALID_DATA))
                .hasMessageContaining("6.1");
    }

    @ParameterizedTest
    @ValueSource(longs = {0L, 0x30000L, 0x70000L, 0x40001L, 0xFFFF_FFFFL, 0x1_0004_0000L})
    void anyOtherWireValueIsInvalidDataNamingTheVersion(long wire) {
        assertThatThrownBy(() -> ProtocolVersion.fromWire(wire))
                .isInstanceOfSatisfying(KmsException.class, e -> assertThat(e.hresult()).isEqualTo(Hresult.INVALID_DATA))
                .hasMessageContaining("unsupported KMS protocol version " + (wire >>> 16) + "." + (wire & 0xFFFF));
    }
}
