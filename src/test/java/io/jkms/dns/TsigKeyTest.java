package io.jkms.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.jkms.wire.Bytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TsigKeyTest {
    static final Bytes SECRET = Bytes.fromHex("00112233445566778899aabbccddeeff");

    @ParameterizedTest
    @ValueSource(strings = {"hmac-md5", "HMAC-SHA1", "hmac-sha224", "Hmac-Sha256", "hmac-sha384", "hmac-sha512"})
    void acceptsBindsAlgorithmsInAnyCaseAndStoresThemLowerCase(String algorithm) {
        TsigKey key = new TsigKey("jkms-key", algorithm, SECRET);
        assertThat(key.algorithm()).isEqualTo(algorithm.toLowerCase(java.util.Locale.ROOT));
        assertThat(key.signer()).isNotNull();
    }

    @Test
    void refusesOtherAlgorithmsListingTheAllowedOnes() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TsigKey("k", "hmac-sha3-256", SECRET))
                .withMessage("unsupported TSIG algorithm 'hmac-sha3-256': allowed [hmac-md5, hmac-sha1, hmac-sha224, "
                        + "hmac-sha256, hmac-sha384, hmac-sha512]");
    }

    @Test
    void refusesAnEmptySecretAndANameThatIsNotADnsName() {
        assertThatIllegalArgumentException().isThrownBy(() -> new TsigKey("k", "hmac-sha256", Bytes.EMPTY))
                .withMessage("empty TSIG secret");
        assertThatIllegalArgumentException().isThrownBy(() -> new TsigKey("a..b", "hmac-sha256", SECRET))
                .withMessageContaining("TSIG key name 'a..b' is not a DNS name");
        assertThatIllegalArgumentException().isThrownBy(() -> new TsigKey("x".repeat(64), "hmac-sha256", SECRET));
    }

    @Test
    void toStringNeverShowsTheSecret() {
        TsigKey key = new TsigKey("jkms-key", "hmac-sha256", SECRET);
        assertThat(key.toString()).isEqualTo("TsigKey[jkms-key, hmac-sha256]").doesNotContain(SECRET.hex());
    }
}
