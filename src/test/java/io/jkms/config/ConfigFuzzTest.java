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
        Map<ConfigKey, List<ConfigValue>> values;
        try {
            values = ConfigSources.fromToml(text, "fuzz");
        } catch (ConfigException e) {
            return;
        }
        try {
            HostConfigParser.parse(ConfigSources.merge(List.of(values)));
        } catch (ConfigException e) {
            // a clear refusal is the expected outcome for most inputs
        }
    }
}
