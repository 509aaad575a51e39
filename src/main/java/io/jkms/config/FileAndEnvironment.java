package io.jkms.config;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * What an option is when no flag gives it: the TOML file's value, else the {@code JKMS_*} variable's, else (by
 * returning nothing) the option's built-in default. It remembers what it supplied, so that an error names the
 * source the value came from. One instance serves one reading of the configuration.
 */
final class FileAndEnvironment implements IDefaultValueProvider {
    private final Map<String, ConfigValue> file;
    private final Map<String, String> environment;
    private final Map<String, ConfigValue> supplied = new HashMap<>();

    FileAndEnvironment(Map<String, ConfigValue> file, Map<String, String> environment) {
        this.file = Map.copyOf(file);
        this.environment = Map.copyOf(environment);
    }

    @Override
    public String defaultValue(ArgSpec argument) {
        if (!(argument instanceof OptionSpec option)) {
            return null;
        }
        String key = ServeOptions.key(option);
        Optional<ConfigValue> value = Optional.ofNullable(file.get(key))
                .or(() -> ConfigSources.fromEnvironment(key, option.isMultiValue(), environment));
        value.ifPresent(v -> supplied.put(key, v));
        return value.map(ConfigValue::value).orElse(null);
    }

    /** The value given to the option {@code key}, if the file or the environment gave it. */
    Optional<ConfigValue> supplied(String key) {
        return Optional.ofNullable(supplied.get(key));
    }
}
