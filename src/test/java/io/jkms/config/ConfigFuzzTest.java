package io.jkms.config;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import java.util.Map;

/**
 * The configuration file is operator input, but a hostile or broken one must still end in a clear
 * {@link ConfigException}, never another exception.
 */
class ConfigFuzzTest {

    @FuzzTest
    void anyTomlTextParsesOrFailsWithAConfigException(byte[] data) {
        String text = new String(data, java.nio.charset.StandardCharsets.UTF_8);
        java.nio.file.Path file;
        try {
            file = java.nio.file.Files.createTempFile("jkms-fuzz", ".toml");
            java.nio.file.Files.write(file, data);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        try {
            ConfigSources.fromToml(text, "fuzz");
            ServeConfiguration.read(List.of("--config", file.toString(), "--web", "off"), Map.of());
        } catch (ConfigException e) {
            // a clear refusal is the expected outcome for most inputs
        } finally {
            try {
                java.nio.file.Files.deleteIfExists(file);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
