package io.jkms.cli;

import io.jkms.config.ConfigException;
import io.jkms.config.ConfigKey;
import io.jkms.config.ConfigSources;
import io.jkms.config.ConfigValue;
import io.jkms.config.HostConfig;
import io.jkms.config.HostConfigParser;
import io.jkms.registry.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** {@code jkms serve}: runs the KMS host until SIGTERM or SIGINT. */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the KMS host (TCP 1688 by default).",
            "Every option can also be set in a TOML file (--config) or a JKMS_<OPTION> environment variable; "
                    + "flags win over the file, the file over the environment."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped by SIGTERM or SIGINT after draining", "2:invalid option or configuration",
            "3:cannot listen (address in use, no permission)",
            "4:cannot open or migrate the client registry database"})
public final class ServeCommand implements Callable<Integer> {
    static final int EXIT_CONFIG = 2;
    static final int EXIT_LISTEN = 3;
    static final int EXIT_REGISTRY = 4;

    @CommandLine.Spec
    private CommandSpec spec;

    private final Map<String, String> environment;

    public ServeCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /** Adds one option per {@link ConfigKey}, so that flags, file keys and variables can never drift apart. */
    static void addOptions(CommandSpec spec) {
        for (ConfigKey key : ConfigKey.values()) {
            String description = key.description()
                    + key.defaultValue().map(d -> " Default: " + d + ".").orElse("")
                    + " Env: " + key.environmentVariable() + ".";
            OptionSpec.Builder option = OptionSpec.builder(key.flag()).paramLabel(key.label())
                    .description(description).arity("1");
            if (key.repeatable()) {
                option.type(List.class).auxiliaryTypes(String.class);
            } else {
                option.type(String.class);
            }
            spec.addOption(option.build());
        }
    }

    @Override
    public Integer call() {
        try {
            configuration();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("jkms serve: " + e.getMessage());
            return EXIT_CONFIG;
        }
        try {
            return new HostRunner(this::configuration, environment).runUntilSignalled();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("jkms serve: " + e.getMessage());
            return EXIT_CONFIG;
        } catch (IOException e) {
            spec.commandLine().getErr().println("jkms serve: " + e.getMessage());
            return EXIT_LISTEN;
        } catch (RegistryException e) {
            spec.commandLine().getErr().println("jkms serve: " + e.getMessage());
            return EXIT_REGISTRY;
        }
    }

    HostConfig configuration() {
        Map<ConfigKey, List<ConfigValue>> flags = flags();
        List<Map<ConfigKey, List<ConfigValue>>> layers = new ArrayList<>();
        layers.add(flags);
        ConfigSources.configFile(flags, environment).ifPresent(file -> layers.add(ConfigSources.fromToml(file)));
        layers.add(ConfigSources.fromEnvironment(environment));
        return HostConfigParser.parse(ConfigSources.merge(layers));
    }

    private Map<ConfigKey, List<ConfigValue>> flags() {
        Map<ConfigKey, List<ConfigValue>> flags = new EnumMap<>(ConfigKey.class);
        for (ConfigKey key : ConfigKey.values()) {
            OptionSpec option = spec.findOption(key.flag());
            if (option == null || !spec.commandLine().getParseResult().hasMatchedOption(option)) {
                continue;
            }
            List<ConfigValue> values = new ArrayList<>();
            Object value = option.getValue();
            if (value instanceof List<?> list) {
                list.forEach(v -> values.add(new ConfigValue(key, String.valueOf(v), key.flag())));
            } else {
                values.add(new ConfigValue(key, String.valueOf(value), key.flag()));
            }
            flags.put(key, values);
        }
        return flags;
    }
}
