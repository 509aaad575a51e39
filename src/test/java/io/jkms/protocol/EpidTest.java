package io.jkms.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class EpidTest {

    @Test
    void parsesEveryPartOfTheSpecExample() {
        Epid epid = Epid.parse("03612-00206-556-123727-03-1033-17763.0000-2972018");
        assertThat(epid).isEqualTo(new Epid(3612, 206, 556_123_727L, 1033, 17763, 297, 2018));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "03612-00206-556-123727-03-1033-17763.0000-2972018",
        "06401-00096-199-222222-03-1033-17763.0000-2822018",
        "55041-00168-305-190052-03-1033-7601.0000-0532011",
        "03612-00206-551-637837-03-1033-17763.0000-0752019",
        "03612-04573-000-000001-03-10250-20348.0000-0002022"})
    void canonicalTextRoundTrips(String text) {
        assertThat(Epid.parse(text).toString()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "03612-00206-556-123727-03-1033-17763.0000-297201",
        "03612-00206-556-123727-02-1033-17763.0000-2972018",
        "3612-00206-556-123727-03-1033-17763.0000-2972018",
        "03612-00206-556-123727-03-01033-17763.0000-2972018",
        "03612-00206-556-123727-03-1033-17763.0001-2972018",
        "03612-00206-556-123727-03-1033-17763.0000-3672018",
        "03612-00206-556-123727-03-1033-17763.0000-2972018 ",
        "０3612-00206-556-123727-03-1033-17763.0000-2972018",
        "03612-00206-556-123727-03-1033-17763.0000-2972018-03612-00206-556-123727-03"})
    void rejectsAnythingElseWithAClearMessage(String text) {
        assertThatThrownBy(() -> Epid.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ePID");
    }

    @Test
    void recordValidatesRanges() {
        assertThatThrownBy(() -> new Epid(100_000, 206, 1, 1033, 17763, 1, 2020))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("platform ID");
        assertThatThrownBy(() -> new Epid(3612, 206, 1_000_000_000L, 1033, 17763, 1, 2020))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key ID");
    }
}
