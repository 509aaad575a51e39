package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.rpc.BindPdu;
import io.jkms.rpc.ContextItem;
import io.jkms.rpc.PduType;
import io.jkms.rpc.Syntaxes;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientBindTest {

    @Test
    void aWindowsBindOffersNdr32ThenNdr64ThenBtfnInContexts0To2() {
        BindPdu bind = ClientBind.create(true, true, 2);

        assertThat(bind.type()).isEqualTo(PduType.BIND);
        assertThat(bind.flags()).isEqualTo(0x13);
        assertThat(bind.callId()).isEqualTo(2);
        assertThat(bind.maxXmitFrag()).isEqualTo(5840);
        assertThat(bind.maxRecvFrag()).isEqualTo(5840);
        assertThat(bind.assocGroupId()).isZero();
        assertThat(bind.items()).containsExactly(
                ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32),
                ContextItem.of(1, Syntaxes.KMS_INTERFACE, Syntaxes.NDR64),
                ContextItem.of(2, Syntaxes.KMS_INTERFACE, Syntaxes.btfn(0x0003)));
    }

    @Test
    void contextIdsStayConsecutiveWhenAnOfferIsLeftOut() {
        assertThat(ClientBind.create(false, true, 2).items()).extracting(ContextItem::contextId).containsExactly(0, 1);
        assertThat(ClientBind.create(false, true, 2).items().get(1).transferSyntaxes())
                .containsExactly(Syntaxes.btfn(3));
        assertThat(ClientBind.create(true, false, 2).items()).extracting(ContextItem::transferSyntaxes)
                .containsExactly(List.of(Syntaxes.NDR32), List.of(Syntaxes.NDR64));
        assertThat(ClientBind.create(false, false, 9).items()).containsExactly(
                ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32));
    }

    @Test
    void theAlterContextAsksForNdr32InContext0() {
        BindPdu alter = ClientBind.alterToNdr32(2);

        assertThat(alter.type()).isEqualTo(PduType.ALTER_CONTEXT);
        assertThat(alter.flags()).isEqualTo(ClientBind.FLAGS);
        assertThat(alter.items()).containsExactly(ContextItem.of(0, Syntaxes.KMS_INTERFACE, Syntaxes.NDR32));
    }
}
