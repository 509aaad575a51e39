package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class WireChecksTest {

    @Test
    void acceptsTheWholeUnsignedRangeAndReturnsTheValue() {
        assertThat(WireChecks.u8(0, "f")).isZero();
        assertThat(WireChecks.u8(0xFF, "f")).isEqualTo(0xFF);
        assertThat(WireChecks.u16(0xFFFF, "f")).isEqualTo(0xFFFF);
        assertThat(WireChecks.u32(0xFFFF_FFFFL, "f")).isEqualTo(0xFFFF_FFFFL);
        assertThat(WireChecks.u32(0, "f")).isZero();
    }

    @Test
    void refusesOneBeyondEachEndNamingTheField() {
        assertThatIllegalArgumentException().isThrownBy(() -> WireChecks.u8(256, "n_results"))
                .withMessage("n_results out of u8 range: 256");
        assertThatIllegalArgumentException().isThrownBy(() -> WireChecks.u8(-1, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> WireChecks.u16(0x10000, "contextId"))
                .withMessage("contextId out of u16 range: 65536");
        assertThatIllegalArgumentException().isThrownBy(() -> WireChecks.u16(-1, "x"));
        assertThatIllegalArgumentException().isThrownBy(() -> WireChecks.u32(0x1_0000_0000L, "alloc_hint"))
                .withMessage("alloc_hint out of u32 range: 4294967296");
        assertThatIllegalArgumentException().isThrownBy(() -> WireChecks.u32(-1L, "x"));
    }

    @Test
    void recordsUseThemSoAnOutOfRangeComponentNeverReachesTheWire() {
        assertThatIllegalArgumentException().isThrownBy(() -> ContextItem.of(0x10000, Syntaxes.KMS_INTERFACE,
                Syntaxes.NDR32)).withMessageContaining("contextId");
        assertThatIllegalArgumentException().isThrownBy(() -> Syntaxes.btfn(0x10000)).withMessageContaining("features");
    }
}
