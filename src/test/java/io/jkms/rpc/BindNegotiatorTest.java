package io.jkms.rpc;

import static io.jkms.rpc.ContextResult.REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED;
import static io.jkms.rpc.ContextResult.REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BindNegotiatorTest {
    static final SyntaxId OTHER_INTERFACE = new SyntaxId(UUID.fromString("12345778-1234-abcd-ef00-0123456789ac"), 1);
    static final SyntaxId KMS_2_0 = new SyntaxId(Syntaxes.KMS_INTERFACE.uuid(), 2);
    static final RpcSettings DEFAULTS = RpcSettings.defaults();

    static List<ContextResult> negotiate(RpcSettings settings, ContextItem... items) {
        return List.of(BindNegotiator.negotiate(List.of(items), settings));
    }

    static ContextItem kms(int id, SyntaxId transfer) {
        return ContextItem.of(id, Syntaxes.KMS_INTERFACE, transfer);
    }

    @Test
    void windowsBindGetsNdr64AndBtfnWhenBothAreOn() {
        List<ContextResult> results = negotiate(DEFAULTS, kms(0, Syntaxes.NDR32), kms(1, Syntaxes.NDR64),
                kms(2, Syntaxes.btfn(0x0003)));

        assertThat(results).containsExactly(ContextResult.reject(REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED),
                ContextResult.accept(Syntaxes.NDR64), ContextResult.negotiateAck(0x0003));
    }

    @Test
    void withNdr64OffTheNdr32ItemIsAcceptedAndTheNdr64OneRejected() {
        List<ContextResult> results = negotiate(DEFAULTS.withNdr64(false), kms(0, Syntaxes.NDR32),
                kms(1, Syntaxes.NDR64), kms(2, Syntaxes.btfn(0x0003)));

        assertThat(results).containsExactly(ContextResult.accept(Syntaxes.NDR32),
                ContextResult.reject(REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED), ContextResult.negotiateAck(0x0003));
    }

    @Test
    void withBtfnOffTheBtfnItemIsRejectedAsATransferSyntax() {
        assertThat(negotiate(DEFAULTS.withBtfn(false), kms(0, Syntaxes.btfn(0x0003))))
                .containsExactly(ContextResult.reject(REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED));
    }

    @Test
    void onlySupportedBtfnFeaturesAreGranted() {
        assertThat(negotiate(DEFAULTS, kms(0, Syntaxes.btfn(0xFFFF)))).containsExactly(ContextResult.negotiateAck(3));
        assertThat(negotiate(DEFAULTS, kms(0, Syntaxes.btfn(0x0004)))).containsExactly(ContextResult.negotiateAck(0));
        assertThat(negotiate(DEFAULTS, ContextItem.of(0, OTHER_INTERFACE, Syntaxes.btfn(1))))
                .as("the abstract syntax of a BTFN item is not looked at").containsExactly(ContextResult.negotiateAck(1));
    }

    @Test
    void ndr64OfferedForAnotherInterfaceDoesNotSwitchThePreference() {
        List<ContextResult> results = negotiate(DEFAULTS, ContextItem.of(0, OTHER_INTERFACE, Syntaxes.NDR64),
                kms(1, Syntaxes.NDR32));

        assertThat(results).containsExactly(ContextResult.reject(REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED),
                ContextResult.accept(Syntaxes.NDR32));
    }

    @Test
    void anotherInterfaceVersionIsAnUnsupportedAbstractSyntax() {
        assertThat(negotiate(DEFAULTS, ContextItem.of(0, KMS_2_0, Syntaxes.NDR32)))
                .containsExactly(ContextResult.reject(REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED));
    }

    @Test
    void anItemOfferingSeveralSyntaxesGetsThePreferredOne() {
        ContextItem both = new ContextItem(0, Syntaxes.KMS_INTERFACE, List.of(Syntaxes.NDR32, Syntaxes.NDR64));

        assertThat(negotiate(DEFAULTS, both)).containsExactly(ContextResult.accept(Syntaxes.NDR64));
        assertThat(negotiate(DEFAULTS.withNdr64(false), both)).containsExactly(ContextResult.accept(Syntaxes.NDR32));
    }

    @Test
    void unknownOrNoTransferSyntaxesAreRejected() {
        SyntaxId unknown = new SyntaxId(UUID.fromString("00000000-0000-0000-0000-000000000001"), 1);
        assertThat(negotiate(DEFAULTS, kms(0, unknown), new ContextItem(1, Syntaxes.KMS_INTERFACE, List.of())))
                .containsOnly(ContextResult.reject(REASON_TRANSFER_SYNTAXES_NOT_SUPPORTED));
    }

    @Test
    void resultsComeOnePerItemInItemOrder() {
        assertThat(negotiate(DEFAULTS)).isEmpty();
        List<ContextResult> results = negotiate(DEFAULTS.withNdr64(false), kms(5, Syntaxes.NDR32),
                ContextItem.of(3, OTHER_INTERFACE, Syntaxes.NDR32), kms(9, Syntaxes.NDR32));
        assertThat(results).containsExactly(ContextResult.accept(Syntaxes.NDR32),
                ContextResult.reject(REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED), ContextResult.accept(Syntaxes.NDR32));
    }
}
