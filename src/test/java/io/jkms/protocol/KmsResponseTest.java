package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jkms.wire.Bytes;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KmsResponseTest {
    static final String EPID = "03612-00206-556-123727-03-1033-17763.0000-2972018";
    static final UUID CMID = UUID.fromString("d1f8d3b0-8a3e-4a1c-9f42-0e3b5c1d2a4f");

    static KmsResponse response(ProtocolVersion v, String epid, long count, Bytes hwid) {
        return new KmsResponse(v, epid, CMID, 0, count, 120, 10080, hwid);
    }

    @Test
    void onlyV6CarriesAnEightByteHwid() {
        assertThat(response(ProtocolVersion.V6, EPID, 50, Bytes.zeros(8)).hwid().length()).isEqualTo(8);
        assertThat(response(ProtocolVersion.V5, EPID, 50, Bytes.EMPTY).hwid()).isEqualTo(Bytes.EMPTY);
        assertThatIllegalArgumentException().isThrownBy(() -> response(ProtocolVersion.V6, EPID, 50, Bytes.EMPTY))
                .withMessage("a 6.0 response carries a 8-byte HWID, got 0");
        assertThatIllegalArgumentException().isThrownBy(() -> response(ProtocolVersion.V4, EPID, 50, Bytes.zeros(8)))
                .withMessage("a 4.0 response carries a 0-byte HWID, got 8");
        assertThatIllegalArgumentException().isThrownBy(() -> response(ProtocolVersion.V6, EPID, 50, Bytes.zeros(9)));
    }

    @Test
    void theEpidIsOneTo63UnitsWithoutNul() {
        assertThat(response(ProtocolVersion.V5, "x".repeat(63), 0, Bytes.EMPTY).epid()).hasSize(63);
        assertThat(response(ProtocolVersion.V5, "x", 0, Bytes.EMPTY).epid()).hasSize(1);
        for (String bad : new String[] {"", "x".repeat(64), "0361\0"}) {
            assertThatIllegalArgumentException().as(bad).isThrownBy(() -> response(ProtocolVersion.V5, bad, 0,
                    Bytes.EMPTY)).withMessageStartingWith("ePID must be 1..63 UTF-16 units without NUL");
        }
    }

    @Test
    void countAndIntervalsAreU32() {
        assertThat(response(ProtocolVersion.V5, EPID, 0xFFFF_FFFFL, Bytes.EMPTY).clientCount()).isEqualTo(0xFFFF_FFFFL);
        assertThatIllegalArgumentException().isThrownBy(() -> response(ProtocolVersion.V5, EPID, -1, Bytes.EMPTY))
                .withMessageStartingWith("clientCount");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsResponse(ProtocolVersion.V5, EPID, CMID, 0, 1,
                1L << 32, 1, Bytes.EMPTY)).withMessageStartingWith("activationInterval");
        assertThatIllegalArgumentException().isThrownBy(() -> new KmsResponse(ProtocolVersion.V5, EPID, CMID, 0, 1,
                1, -1, Bytes.EMPTY)).withMessageStartingWith("renewalInterval");
    }

    @Test
    void recordsCompareByContentIncludingTheHwid() {
        assertThat(response(ProtocolVersion.V6, EPID, 1, Bytes.fromHex("3a1c049600b60076")))
                .isEqualTo(response(ProtocolVersion.V6, EPID, 1, Bytes.fromHex("3A1C049600B60076")))
                .isNotEqualTo(response(ProtocolVersion.V6, EPID, 1, Bytes.zeros(8)));
    }
}
