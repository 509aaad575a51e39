package io.jkms.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void warningAndNoteCarryTheirLevel() {
        assertThat(Finding.warning("v6-iv", "m")).isEqualTo(new Finding(Finding.Level.WARNING, "v6-iv", "m"));
        assertThat(Finding.note("n", "m").level()).isEqualTo(Finding.Level.NOTE);
        assertThat(Finding.Level.WARNING.label()).isEqualTo("warning");
        assertThat(Finding.Level.NOTE.label()).isEqualTo("note");
    }

    @Test
    void nothingMayBeNull() {
        assertThatNullPointerException().isThrownBy(() -> new Finding(null, "n", "m")).withMessage("level");
        assertThatNullPointerException().isThrownBy(() -> new Finding(Finding.Level.NOTE, null, "m")).withMessage("name");
        assertThatNullPointerException().isThrownBy(() -> new Finding(Finding.Level.NOTE, "n", null))
                .withMessage("message");
    }
}
