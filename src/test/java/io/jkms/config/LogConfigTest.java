package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jkms.logging.LogSettings;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** --log-format, --log-file and its rotation limits. */
class LogConfigTest {
    private static LogSettings parse(Map<String, String> env) {
        return ServeConfiguration.read(List.of(), env).log();
    }

    @Test
    void textOnStandardOutputByDefault() {
        assertThat(parse(Map.of())).isEqualTo(LogSettings.defaults());
        assertThat(LogSettings.defaults().maxFileSize()).isEqualTo(10L << 20);
    }

    @Test
    void aFileWithItsLimitsInKbMbAndGb() {
        LogSettings log = parse(Map.of("JKMS_LOG_FORMAT", "JSON", "JKMS_LOG_FILE", "/var/log/jkms/jkms.log",
                "JKMS_LOG_FILE_MAX_SIZE", "5 MB", "JKMS_LOG_FILE_MAX_HISTORY", "30", "JKMS_LOG_FILE_TOTAL_SIZE", "2GB"));
        assertThat(log).isEqualTo(new LogSettings(LogSettings.Format.JSON, java.util.Optional.of(
                Path.of("/var/log/jkms/jkms.log")), 5L << 20, 30, 2L << 30));
        assertThat(parse(Map.of("JKMS_LOG_FILE_MAX_SIZE", "4096")).maxFileSize()).isEqualTo(4096);
    }

    @Test
    void badValuesNameTheKeyTheValueAndWhatIsAllowed() {
        assertThatThrownBy(() -> parse(Map.of("JKMS_LOG_FORMAT", "xml"))).isInstanceOf(ConfigException.class)
                .hasMessageContaining("log-format").hasMessageContaining("xml").hasMessageContaining("text or json");
        assertThatThrownBy(() -> parse(Map.of("JKMS_LOG_FILE_MAX_SIZE", "10TB")))
                .hasMessageContaining("log-file-max-size").hasMessageContaining("10TB").hasMessageContaining("1KB to 10GB");
        assertThatThrownBy(() -> parse(Map.of("JKMS_LOG_FILE_MAX_SIZE", "100")))
                .hasMessageContaining("log-file-max-size");
        assertThatThrownBy(() -> parse(Map.of("JKMS_LOG_FILE_MAX_HISTORY", "0")))
                .hasMessageContaining("log-file-max-history").hasMessageContaining("1 to 3650");
        assertThatThrownBy(() -> parse(Map.of("JKMS_LOG_FILE_MAX_SIZE", "2GB", "JKMS_LOG_FILE_TOTAL_SIZE", "1GB")))
                .hasMessageContaining("log-file-total-size").hasMessageContaining("at least log-file-max-size");
    }
}
