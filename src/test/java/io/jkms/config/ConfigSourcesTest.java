package io.jkms.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Configuration file errors in plain words: which file, where in it, and what is wrong. */
class ConfigSourcesTest {
    @TempDir
    Path dir;

    @Test
    void aMissingFileIsNamedOnce() {
        Path missing = dir.resolve("jkms.toml");
        assertThatThrownBy(() -> ConfigSources.fromToml(missing)).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + missing + " not found");
    }

    @Test
    void aDirectoryIsNotAFile() {
        assertThatThrownBy(() -> ConfigSources.fromToml(dir)).isInstanceOf(ConfigException.class)
                .hasMessage("config file " + dir + " is not a file");
    }

    @Test
    void aSyntaxErrorGivesLineAndColumnWithoutParserInternals() throws Exception {
        Path file = Files.writeString(dir.resolve("jkms.toml"), "listen = [\"0.0.0.0:1688\"]\nweb = ?oops\n");
        assertThatThrownBy(() -> ConfigSources.fromToml(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + file + ", line 2, column 7: ")
                .message().doesNotContain("Source:", "StringReader", "[", "line: ");
    }

    @Test
    void anUnterminatedStringIsReportedWhereItStarts() throws Exception {
        Path file = Files.writeString(dir.resolve("jkms.toml"), "renewal-interval = \"7d\n");
        assertThatThrownBy(() -> ConfigSources.fromToml(file)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("config file " + file + ", line 1, column ")
                .message().doesNotContain("Source:");
    }

    @Test
    void aGoodFileStillParses() throws Exception {
        Path file = Files.writeString(dir.resolve("jkms.toml"), "renewal-interval = \"7d\"\n");
        assertThat(ConfigSources.fromToml(file)).containsKey("renewal-interval");
    }
}
