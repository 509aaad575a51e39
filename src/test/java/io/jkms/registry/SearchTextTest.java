package io.jkms.registry;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SearchTextTest {

    @Test
    void foldsAsciiAndBeyond() {
        assertThat(SearchText.fold("DESKTOP-Ab1")).isEqualTo("desktop-ab1");
        assertThat(SearchText.fold("ÄÖÜ-äöü")).isEqualTo("äöü-äöü");
        assertThat(SearchText.fold("ΣΊΣΥΦΟΣ")).isEqualTo(SearchText.fold("σίσυφος"));
    }

    @Test
    void finalSigmaAndSigmaMeet() {
        assertThat(SearchText.fold("ς")).isEqualTo(SearchText.fold("σ")).isEqualTo(SearchText.fold("Σ"));
    }

    @Test
    void theLengthInCodePointsNeverChanges() {
        for (String s : new String[] {"Straße", "İstanbul", "ǅ", "ﬁ", "\uD801\uDC00", "a\uD800b"}) {
            assertThat(SearchText.fold(s).codePointCount(0, SearchText.fold(s).length()))
                    .as(s).isEqualTo(s.codePointCount(0, s.length()));
        }
        assertThat(SearchText.fold("Straße")).isEqualTo("straße");
    }

    @Test
    void foldsOutsideTheBasicPlaneAndIsIdempotent() {
        // Deseret capital and small long I
        assertThat(SearchText.fold("\uD801\uDC00")).isEqualTo("\uD801\uDC28");
        for (String s : new String[] {"Ǆ", "MiXeD", "ΣΊΣΥΦΟΣ", ""}) {
            assertThat(SearchText.fold(SearchText.fold(s))).isEqualTo(SearchText.fold(s));
        }
    }
}
