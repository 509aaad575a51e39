package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Main} tells Netty before it starts: no Flight Recorder events unless the operator asks for them. */
class MainTest {
    private static final String JFR = "io.netty.jfr.enabled";
    private String saved;

    @BeforeEach
    void save() {
        saved = System.getProperty(JFR);
    }

    @AfterEach
    void restore() {
        if (saved == null) {
            System.clearProperty(JFR);
        } else {
            System.setProperty(JFR, saved);
        }
    }

    @Test
    void nettysFlightRecorderEventsAreOffByDefault() {
        System.clearProperty(JFR);
        Main.withoutNettyFlightRecorderEvents();
        assertThat(System.getProperty(JFR)).isEqualTo("false");
    }

    @Test
    void anOperatorWhoAsksForThemKeepsThem() {
        System.setProperty(JFR, "true");
        Main.withoutNettyFlightRecorderEvents();
        assertThat(System.getProperty(JFR)).isEqualTo("true");
    }
}
