package io.jkms.dns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import org.junit.jupiter.api.Test;

/** BIND key files as tsig-keygen writes them and administrators edit them. */
class TsigKeyFileTest {
    private static final String SECRET = "mYqNm2yKr/Vfov7oI3iBqPIkNxcNh+9Co0/NQ/NOi6o=";

    @Test
    void readsWhatTsigKeygenWrites() {
        TsigKey key = TsigKeyFile.parse("key \"jkms-test\" {\n\talgorithm hmac-sha256;\n\tsecret \"" + SECRET
                + "\";\n};\n");
        assertThat(key.name()).isEqualTo("jkms-test");
        assertThat(key.algorithm()).isEqualTo("hmac-sha256");
        assertThat(key.secret().toArray()).isEqualTo(Base64.getDecoder().decode(SECRET));
        assertThat(key.toString()).doesNotContain(SECRET).contains("jkms-test");
        assertThat(key.signer()).isNotNull();
    }

    @Test
    void acceptsCommentsUnquotedNamesAndOtherAlgorithms() {
        TsigKey key = TsigKeyFile.parse("# made by hand\n/* for the KMS hosts */ key kms.corp.example { // name\n"
                + "  secret \"" + SECRET + "\"; algorithm HMAC-SHA512;\n};");
        assertThat(key.name()).isEqualTo("kms.corp.example");
        assertThat(key.algorithm()).isEqualTo("hmac-sha512");
    }

    @Test
    void aSecretWithCommentMarkersInsideItsQuotesIsKeptWhole() {
        String secret = "ab//cd/*ef#g+h=";
        String padded = Base64.getEncoder().encodeToString(Base64.getDecoder().decode("ab//cd+ef/gh"));
        TsigKey key = TsigKeyFile.parse("key \"k\" { algorithm hmac-sha256; secret \"" + padded + "\"; }; // done");
        assertThat(key.secret().toArray()).isEqualTo(Base64.getDecoder().decode(padded));
        assertThatThrownBy(() -> TsigKeyFile.parse("key \"k\" { algorithm hmac-sha256; secret \"" + secret + "\"; };"))
                .hasMessageContaining("not base64");
    }

    @Test
    void refusesWhatIsNotExactlyOneUsableKeyWithoutQuotingTheSecret() {
        String[] bad = {
            "",
            "key \"a\" { algorithm hmac-sha256; };",
            "key \"a\" { secret \"" + SECRET + "\"; };",
            "key \"a\" { algorithm hmac-sha256; secret \"not base64!\"; };",
            "key \"a\" { algorithm hmac-sha256; secret \"\"; };",
            "key \"a\" { algorithm rot13; secret \"" + SECRET + "\"; };",
            "key \"a\" { algorithm hmac-sha256; algorithm hmac-sha1; secret \"" + SECRET + "\"; };",
            "key \"a\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; };\nkey \"b\" { algorithm hmac-sha256; "
                    + "secret \"" + SECRET + "\"; };",
            "key \"a\" { algorithm hmac-sha256; secret \"" + SECRET + "\"; primaries { 1.2.3.4; }; };",
            "key \"a\" { algorithm hmac-sha256; secret \"" + SECRET + "\" };",
        };
        for (String text : bad) {
            assertThatThrownBy(() -> TsigKeyFile.parse(text)).as(text).isInstanceOf(TsigKeyException.class)
                    .message().doesNotContain(SECRET);
        }
        assertThatThrownBy(() -> TsigKeyFile.parse("key \"a\" { algorithm rot13; secret \"" + SECRET + "\"; };"))
                .hasMessageContaining("unsupported TSIG algorithm 'rot13'").hasMessageContaining("hmac-sha256");
    }
}
