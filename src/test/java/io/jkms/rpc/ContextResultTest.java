package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class ContextResultTest {

    @Test
    void theThreeAnswersCarryWhatTheSpecSays() {
        assertThat(ContextResult.accept(Syntaxes.NDR64)).isEqualTo(new ContextResult(0, 0, Syntaxes.NDR64));
        assertThat(ContextResult.reject(ContextResult.REASON_ABSTRACT_SYNTAX_NOT_SUPPORTED))
                .isEqualTo(new ContextResult(2, 1, SyntaxId.NONE));
        assertThat(ContextResult.negotiateAck(3)).as("the granted features travel in the reason field")
                .isEqualTo(new ContextResult(3, 3, SyntaxId.NONE));
    }

    @Test
    void resultAndReasonAreU16() {
        assertThatIllegalArgumentException().isThrownBy(() -> new ContextResult(0x10000, 0, SyntaxId.NONE))
                .withMessageContaining("result");
        assertThatIllegalArgumentException().isThrownBy(() -> ContextResult.negotiateAck(0x10000))
                .withMessageContaining("reason");
        assertThatIllegalArgumentException().isThrownBy(() -> ContextResult.reject(-1));
    }
}
