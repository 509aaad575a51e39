package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyntaxIdTest {

    @Test
    void comparesUuidAndVersion() {
        UUID u = Syntaxes.NDR32.uuid();
        assertThat(new SyntaxId(u, 2)).isEqualTo(Syntaxes.NDR32);
        assertThat(new SyntaxId(u, 1)).isNotEqualTo(Syntaxes.NDR32);
        assertThat(SyntaxId.NONE).isEqualTo(new SyntaxId(new UUID(0, 0), 0));
        assertThat(SyntaxId.NONE).hasToString("00000000-0000-0000-0000-000000000000 v0");
    }

    @Test
    void theVersionIsU32AndTheUuidRequired() {
        assertThat(new SyntaxId(new UUID(1, 1), 0xFFFF_FFFFL).version()).isEqualTo(0xFFFF_FFFFL);
        assertThatIllegalArgumentException().isThrownBy(() -> new SyntaxId(new UUID(1, 1), -1))
                .withMessageContaining("version");
        assertThatNullPointerException().isThrownBy(() -> new SyntaxId(null, 1));
    }
}
