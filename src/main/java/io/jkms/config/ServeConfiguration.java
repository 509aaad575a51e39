package io.jkms.config;

import io.jkms.host.IoTransport;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Reads the configuration of {@code jkms serve}: flags, then the TOML file, then {@code JKMS_*} variables, then
 * the built-in defaults, all through the one option model ({@link ServeOptions}). Start-up and every reload
 * (SIGHUP) read it the same way, the file and the environment afresh.
 */
public final class ServeConfiguration {
    private ServeConfiguration() {
    }

    /**
     * @param flags the command line's options, as {@code --name value} pairs
     * @throws ConfigException naming key, value, source and what is allowed, for the first value that cannot be used
     */
    public static HostConfig read(List<String> flags, Map<String, String> environment) {
        return read(flags, environment, IoTransport::unavailabilityCause);
    }

    /** As {@link #read(List, Map)}, with {@code unavailable} saying which I/O transports cannot run (tests pin it). */
    static HostConfig read(List<String> flags, Map<String, String> environment,
                           Function<IoTransport, Optional<Throwable>> unavailable) {
        Reading reading = parse(flags, environment);
        return reading.options().config(key -> reading.origin().apply(reading.spec().findOption("--" + key)),
                unavailable);
    }

    /** Options converted and held to their ranges, not yet put together; {@code origin} says where each came from. */
    record Reading(ServeOptions options, CommandSpec spec, Function<OptionSpec, ConfigValue> origin) {
    }

    static Reading parse(List<String> flags, Map<String, String> environment) {
        Map<String, ConfigValue> file = configFile(flags, environment).map(ConfigSources::fromToml).orElse(Map.of());
        FileAndEnvironment sources = new FileAndEnvironment(file, environment);
        ServeOptions options = new ServeOptions();
        CommandLine commandLine = new CommandLine(options);
        // Values are taken as written: a password with "${" in it is no picocli variable.
        commandLine.getCommandSpec().interpolateVariables(false);
        commandLine.setDefaultValueProvider(sources);
        ParseResult parsed;
        try {
            parsed = commandLine.parseArgs(flags.toArray(String[]::new));
        } catch (ParameterException e) {
            throw OptionChecks.translate(e, sources::supplied).orElseGet(() -> new ConfigException(e.getMessage()));
        }
        Function<OptionSpec, ConfigValue> origin = option -> origin(option, parsed, sources);
        OptionChecks.check(commandLine.getCommandSpec(), origin);
        return new Reading(options, commandLine.getCommandSpec(), origin);
    }

    /** The value of {@code option} as written, and where: its flag, the file, the environment or the default. */
    private static ConfigValue origin(OptionSpec option, ParseResult parsed, FileAndEnvironment sources) {
        String key = ServeOptions.key(option);
        if (parsed.hasMatchedOption(option)) {
            List<String> written = option.originalStringValues();
            return new ConfigValue(key, written.get(written.size() - 1), option.longestName());
        }
        return sources.supplied(key).orElseGet(() -> new ConfigValue(key, option.defaultValue(), "default"));
    }

    /** The TOML file: the last {@code --config} flag, else {@code JKMS_CONFIG}. */
    static Optional<Path> configFile(List<String> flags, Map<String, String> environment) {
        String named = null;
        for (int i = 0; i < flags.size(); i++) {
            if (flags.get(i).equals("--config") && i + 1 < flags.size()) {
                named = flags.get(i + 1);
            } else if (flags.get(i).startsWith("--config=")) {
                named = flags.get(i).substring("--config=".length());
            }
        }
        return Optional.ofNullable(named != null ? named : environment.get(ConfigSources.environmentVariable("config")))
                .map(Path::of);
    }

    /**
     * The value of one setting from the file ({@code config}, else {@code JKMS_CONFIG}) or the environment, in
     * the host's precedence: for tools that act on the host's behalf ({@code jkms script}).
     */
    public static Optional<ConfigValue> fileOrEnvironment(String key, Optional<Path> config,
                                                          Map<String, String> environment) {
        List<String> flags = config.map(p -> List.of("--config", p.toString())).orElse(List.of());
        Map<String, ConfigValue> file = configFile(flags, environment).map(ConfigSources::fromToml).orElse(Map.of());
        return Optional.ofNullable(file.get(key)).or(() -> ConfigSources.fromEnvironment(key, false, environment));
    }
}
