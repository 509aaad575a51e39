package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContextItemTest {

    @Test
    void ofOffersOneTransferSyntax() {
        ContextItem item = ContextItem.of(1, Syntaxes.KMS_INTERFACE, Syntaxes.NDR64);
        assertThat(item.contextId()).isEqualTo(1);
        assertThat(item.abstractSyntax()).isEqualTo(Syntaxes.KMS_INTERFACE);
        assertThat(item.transferSyntaxes()).containsExactly(Syntaxes.NDR64);
    }

    @Test
    void atMost255TransferSyntaxesCopiedAndAU16ContextId() {
        assertThat(new ContextItem(0xFFFF, Syntaxes.KMS_INTERFACE, Collections.nCopies(255, Syntaxes.NDR32))
                .transferSyntaxes()).hasSize(255);
        assertThatIllegalArgumentException().isThrownBy(() -> new ContextItem(0, Syntaxes.KMS_INTERFACE,
                Collections.nCopies(256, Syntaxes.NDR32))).withMessageContaining("n_transfer_syn");
        assertThatIllegalArgumentException().isThrownBy(() -> new ContextItem(-1, Syntaxes.KMS_INTERFACE, List.of()))
                .withMessageContaining("contextId");
        List<SyntaxId> mutable = new java.util.ArrayList<>(List.of(Syntaxes.NDR32));
        ContextItem item = new ContextItem(0, Syntaxes.KMS_INTERFACE, mutable);
        mutable.clear();
        assertThat(item.transferSyntaxes()).hasSize(1);
    }
}
