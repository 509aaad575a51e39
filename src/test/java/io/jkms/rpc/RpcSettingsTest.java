package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;

class RpcSettingsTest {

    @Test
    void defaultsAreAWindowsHost() {
        RpcSettings d = RpcSettings.defaults();
        assertThat(d).isEqualTo(new RpcSettings(true, true, 5840, 8, 4, 4096));
        assertThat(d.withNdr64(false).ndr64()).isFalse();
        assertThat(d.withNdr64(false).btfn()).isTrue();
        assertThat(d.withBtfn(false)).isEqualTo(new RpcSettings(true, false, 5840, 8, 4, 4096));
    }

    @Test
    void theBoundsAreInclusive() {
        assertThat(new RpcSettings(false, false, 1432, 1, 1, 1).maxFragLength()).isEqualTo(1432);
        assertThat(new RpcSettings(false, false, 65535, 255, Integer.MAX_VALUE, Integer.MAX_VALUE).maxContextsPerBind())
                .isEqualTo(255);
    }

    @Test
    void eachOutOfRangeValueIsRefusedNamingIt() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcSettings(true, true, 1431, 8, 4, 4096))
                .withMessage("maxFragLength must be 1432..65535: 1431");
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcSettings(true, true, 65536, 8, 4, 4096))
                .withMessage("maxFragLength must be 1432..65535: 65536");
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcSettings(true, true, 5840, 0, 4, 4096))
                .withMessage("maxContextsPerBind must be 1..255: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcSettings(true, true, 5840, 256, 4, 4096))
                .withMessage("maxContextsPerBind must be 1..255: 256");
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcSettings(true, true, 5840, 8, 0, 4096))
                .withMessage("maxRequestFragments must be positive: 0");
        assertThatIllegalArgumentException().isThrownBy(() -> new RpcSettings(true, true, 5840, 8, 4, -1))
                .withMessage("maxRequestStubBytes must be positive: -1");
    }
}
