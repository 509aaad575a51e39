package io.jkms.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProductKeysTest {
    private static final List<String> GVLKS_2009 = Catalog.loadDefault().products().stream().map(Product::gvlk)
            .filter(ProductKeys::is2009Format).toList();

    @Test
    void decodesTheGroupAndSerialOfAKnownGvlk() throws InvalidKeyException {
        DecodedKey k = ProductKeys.decode("w269n-wfgwx-yvc9b-4j6c9-t83gx");
        assertThat(k.key()).isEqualTo("W269N-WFGWX-YVC9B-4J6C9-T83GX");
        assertThat(k.groupId()).isEqualTo(3311);
        assertThat(k.serial()).isEqualTo(1);
    }

    @Test
    void everyTwoThousandNineFormatGvlkOfTheCatalogPasses() throws InvalidKeyException {
        assertThat(GVLKS_2009).hasSizeGreaterThan(200);
        for (String gvlk : GVLKS_2009) {
            assertThat(ProductKeys.decode(gvlk).key()).isEqualTo(gvlk);
        }
    }

    @Test
    void oneWrongCharacterAnywhereIsCaughtOrNoLongerAGvlk() {
        Catalog catalog = Catalog.loadDefault();
        int caughtByChecksum = 0;
        int total = 0;
        for (String gvlk : GVLKS_2009) {
            String compact = gvlk.replace("-", "");
            for (int i = 0; i < compact.length(); i++) {
                if (compact.charAt(i) == 'N') {
                    continue;
                }
                for (char c : ProductKeys.ALPHABET.toCharArray()) {
                    if (c == compact.charAt(i)) {
                        continue;
                    }
                    String bad = compact.substring(0, i) + c + compact.substring(i + 1);
                    total++;
                    if (rejected(bad)) {
                        caughtByChecksum++;
                    } else {
                        assertThat(catalog.productByGvlk(dashed(bad))).as(bad).isEmpty();
                    }
                }
            }
        }
        // a 10-bit checksum lets about 1 in 1024 corruptions through; those are then unknown keys (exit 4)
        assertThat(caughtByChecksum).isGreaterThan(total * 99 / 100);
    }

    @Test
    void transpositionsAndAMissingNAreRejected() {
        assertThatThrownBy(() -> ProductKeys.decode("F47MM-N3XJP-TQXJ9-BP99D-8837K"))
                .isInstanceOf(InvalidKeyException.class).hasMessageContaining("checksum");
        int transposed = 0;
        int caught = 0;
        for (String gvlk : GVLKS_2009) {
            String compact = gvlk.replace("-", "");
            for (int i = 0; i + 1 < compact.length(); i++) {
                if (compact.charAt(i) != compact.charAt(i + 1) && compact.charAt(i) != 'N'
                        && compact.charAt(i + 1) != 'N') {
                    transposed++;
                    String bad = compact.substring(0, i) + compact.charAt(i + 1) + compact.charAt(i)
                            + compact.substring(i + 2);
                    caught += rejected(bad) ? 1 : 0;
                }
            }
            String noN = compact.replace('N', 'B');
            assertThatThrownBy(() -> ProductKeys.decode(noN)).isInstanceOf(InvalidKeyException.class)
                    .hasMessageContaining("no 'N'");
        }
        assertThat(caught).isGreaterThan(transposed * 99 / 100);
        assertThatThrownBy(() -> ProductKeys.decode("NNNNN-WFGWX-YVC9B-4J6C9-T83GX"))
                .hasMessageContaining("more than one 'N'");
    }

    @Test
    void malformedInputGetsAClearReason() {
        assertThatThrownBy(() -> ProductKeys.canonical("W269N-WFGWX")).hasMessageContaining("25 characters");
        assertThatThrownBy(() -> ProductKeys.canonical("W269N-WFGWX-YVC9B-4J6C9-T83GA"))
                .hasMessageContaining("'A' at position 25");
        assertThatThrownBy(() -> ProductKeys.canonical("W269NW-FGWX-YVC9B-4J6C9-T83GX"))
                .hasMessageContaining("dashes");
        assertThatThrownBy(() -> ProductKeys.canonical(null)).hasMessageContaining("no key");
        assertThatThrownBy(() -> ProductKeys.canonical("x".repeat(1000))).hasMessageContaining("too long");
    }

    private static boolean rejected(String key) {
        try {
            ProductKeys.decode(key);
            return false;
        } catch (InvalidKeyException e) {
            return true;
        }
    }

    private static String dashed(String c) {
        return c.substring(0, 5) + "-" + c.substring(5, 10) + "-" + c.substring(10, 15) + "-" + c.substring(15, 20)
                + "-" + c.substring(20);
    }
}
