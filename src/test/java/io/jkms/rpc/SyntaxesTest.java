package io.jkms.rpc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class SyntaxesTest {

    @Test
    void theBtfnSyntaxCarriesItsFeaturesAsVlmcsdReadsThem() {
        SyntaxId btfn = Syntaxes.btfn(0x0003);
        assertThat(btfn.uuid().toString()).isEqualTo("6cb71c2c-9812-4540-0300-000000000000");
        assertThat(btfn.version()).isEqualTo(1);
        assertThat(Syntaxes.isBtfn(btfn)).isTrue();
        assertThat(Syntaxes.isBtfn(Syntaxes.NDR64)).isFalse();
        for (int features : new int[] {0, 1, 3, 0x0100, 0xABCD, 0xFFFF}) {
            assertThat(Syntaxes.btfnFeatures(Syntaxes.btfn(features))).isEqualTo(features);
        }
    }

    @Test
    void onlyThePrefixMakesABtfnSyntaxAsInVlmcsd() {
        SyntaxId odd = new SyntaxId(UUID.fromString("6cb71c2c-9812-4540-0100-0000000000ff"), 7);
        assertThat(Syntaxes.isBtfn(odd)).isTrue();
        assertThat(Syntaxes.btfnFeatures(odd)).isEqualTo(1);
        assertThat(Syntaxes.isBtfn(new SyntaxId(UUID.fromString("6cb71c2c-9812-4541-0300-000000000000"), 1))).isFalse();
    }

    @Test
    void transferSyntaxOfKnowsExactlyNdr32AndNdr64() {
        assertThat(Syntaxes.transferSyntaxOf(Syntaxes.NDR32)).isEqualTo(TransferSyntax.NDR32);
        assertThat(Syntaxes.transferSyntaxOf(Syntaxes.NDR64)).isEqualTo(TransferSyntax.NDR64);
        assertThat(Syntaxes.transferSyntaxOf(new SyntaxId(Syntaxes.NDR32.uuid(), 1))).as("another version").isNull();
        assertThat(Syntaxes.transferSyntaxOf(Syntaxes.btfn(3))).isNull();
        assertThat(Syntaxes.transferSyntaxOf(Syntaxes.KMS_INTERFACE)).isNull();
    }

    @Test
    void theWellKnownIdentifiers() {
        assertThat(Syntaxes.KMS_INTERFACE).hasToString("51c82175-844e-4750-b0d8-ec255555bc06 v1");
        assertThat(Syntaxes.NDR32).hasToString("8a885d04-1ceb-11c9-9fe8-08002b104860 v2");
        assertThat(Syntaxes.NDR64).hasToString("71710533-beba-4937-8319-b5dbef9ccc36 v1");
    }
}
