package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class KmsRequestTest {
    static final UUID ID = UUID.fromString("55c92734-d682-4d71-983e-d6ec3f16059f");
    static final UUID NIL = new UUID(0, 0);

    static KmsRequest request(long u32, String name) {
        return new KmsRequest(ProtocolVersion.V6, u32, u32, u32, ID, ID, ID, ID, u32, -1L, NIL, name);
    }

    @Test
    void acceptsTheWholeU32RangeAndAnyU64ClientTime() {
        KmsRequest r = request(0xFFFF_FFFFL, "DESKTOP-1");
        assertThat(r.requiredClientCount()).isEqualTo(0xFFFF_FFFFL);
        assertThat(r.clientTime()).as("the u64 FILETIME as Java's long").isEqualTo(-1L);
        assertThat(request(0, "").workstationName()).isEmpty();
    }

    @Test
    void everyU32FieldIsCheckedByName() {
        UUID u = ID;
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsRequest(ProtocolVersion.V6, -1, 0, 0, u, u, u, u,
                0, 0, NIL, "")).withMessage("vmInfo is not an unsigned 32-bit value: -1");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsRequest(ProtocolVersion.V6, 0, 1L << 32, 0, u, u,
                u, u, 0, 0, NIL, "")).withMessageStartingWith("licenseStatus");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsRequest(ProtocolVersion.V6, 0, 0, -5, u, u, u, u,
                0, 0, NIL, "")).withMessageStartingWith("bindingExpiration");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsRequest(ProtocolVersion.V6, 0, 0, 0, u, u, u, u,
                1L << 32, 0, NIL, "")).withMessageStartingWith("requiredClientCount");
    }

    @Test
    void theWorkstationNameFitsItsFieldWithoutNul() {
        assertThat(request(0, "x".repeat(64)).workstationName()).hasSize(64);
        assertThatIllegalArgumentException().isThrownBy(() -> request(0, "x".repeat(65)))
                .withMessageContaining("65 units");
        assertThatIllegalArgumentException().isThrownBy(() -> request(0, "a\0b"))
                .withMessageContaining("without NUL");
    }

    @Test
    void nothingMayBeNull() {
        assertThatNullPointerException().isThrownBy(() -> new KmsRequest(null, 0, 0, 0, ID, ID, ID, ID, 0, 0, NIL, ""))
                .withMessage("version");
        assertThatNullPointerException().isThrownBy(() -> new KmsRequest(ProtocolVersion.V4, 0, 0, 0, ID, ID, ID, null,
                0, 0, NIL, "")).withMessage("cmid");
        assertThatNullPointerException().isThrownBy(() -> new KmsRequest(ProtocolVersion.V4, 0, 0, 0, ID, ID, ID, ID,
                0, 0, NIL, null)).withMessage("workstationName");
    }
}
