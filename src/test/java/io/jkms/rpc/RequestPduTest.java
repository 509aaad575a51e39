package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jkms.wire.Bytes;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RequestPduTest {
    static final Bytes STUB = Bytes.fromHex("00112233");

    @Test
    void ofIsAnUnfragmentedOpnum0RequestWhoseAllocHintIsTheStubLength() {
        RequestPdu pdu = RequestPdu.of(2, 1, STUB);

        assertThat(pdu.type()).isEqualTo(PduType.REQUEST);
        assertThat(pdu.flags()).isEqualTo(Pdu.PFC_FIRST_AND_LAST);
        assertThat(pdu.callId()).isEqualTo(2);
        assertThat(pdu.contextId()).isEqualTo(1);
        assertThat(pdu.allocHint()).isEqualTo(4);
        assertThat(pdu.opnum()).isZero();
        assertThat(pdu.objectUuid()).isEmpty();
        assertThat(pdu.stub()).isEqualTo(STUB);
    }

    @Test
    void theObjectUuidIsPresentExactlyWhenItsFlagIsSet() {
        UUID object = UUID.fromString("00000000-0000-0000-0000-000000000001");
        int withFlag = Pdu.PFC_FIRST_AND_LAST | Pdu.PFC_OBJECT_UUID;
        assertThat(new RequestPdu(withFlag, 2, 4, 0, 0, Optional.of(object), STUB).objectUuid()).contains(object);
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestPdu(withFlag, 2, 4, 0, 0, Optional.empty(),
                STUB)).withMessageContaining("PFC_OBJECT_UUID");
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestPdu(Pdu.PFC_FIRST_AND_LAST, 2, 4, 0, 0,
                Optional.of(object), STUB)).withMessageContaining("PFC_OBJECT_UUID");
    }

    @Test
    void fieldsOutOfTheirWireWidthAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestPdu(0x100, 2, 4, 0, 0, Optional.empty(), STUB))
                .withMessageContaining("flags");
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestPdu(3, 2, -1, 0, 0, Optional.empty(), STUB))
                .withMessageContaining("allocHint");
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestPdu(3, 2, 4, 0x10000, 0, Optional.empty(),
                STUB)).withMessageContaining("contextId");
        assertThatIllegalArgumentException().isThrownBy(() -> new RequestPdu(3, 2, 4, 0, 0x10000, Optional.empty(),
                STUB)).withMessageContaining("opnum");
        assertThat(new RequestPdu(3, -1, 0xFFFF_FFFFL, 0xFFFF, 0xFFFF, Optional.empty(), Bytes.EMPTY).callId())
                .as("call_id is a bit pattern").isEqualTo(-1);
    }
}
