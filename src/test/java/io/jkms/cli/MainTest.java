package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What {@link Main} tells Netty before it starts, unless the operator said otherwise. */
class MainTest {
    private static final List<String> PROPERTIES = List.of("io.netty.jfr.enabled", "io.netty.leakDetection.level");
    private final Map<String, String> saved = new HashMap<>();

    @BeforeEach
    void save() {
        PROPERTIES.forEach(p -> saved.put(p, System.getProperty(p)));
    }

    @AfterEach
    void restore() {
        saved.forEach((p, v) -> {
            if (v == null) {
                System.clearProperty(p);
            } else {
                System.setProperty(p, v);
            }
        });
    }

    @Test
    void nettysFlightRecorderEventsAndLeakDetectionAreOffByDefault() {
        PROPERTIES.forEach(System::clearProperty);
        Main.nettyDefaults();
        assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("false");
        assertThat(System.getProperty("io.netty.leakDetection.level")).isEqualTo("disabled");
    }

    @Test
    void anOperatorWhoAsksForThemKeepsThem() {
        System.setProperty("io.netty.jfr.enabled", "true");
        System.setProperty("io.netty.leakDetection.level", "paranoid");
        Main.nettyDefaults();
        assertThat(System.getProperty("io.netty.jfr.enabled")).isEqualTo("true");
        assertThat(System.getProperty("io.netty.leakDetection.level")).isEqualTo("paranoid");
    }
}
