package io.jkms.cli;

import io.jkms.config.ConfigException;
import io.jkms.config.HostConfig;
import io.jkms.config.OptionChecks;
import io.jkms.config.ServeConfiguration;
import io.jkms.config.ServeOptions;
import io.jkms.registry.RegistryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Mixin;
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

    /**
     * The model of the options: picocli refuses a malformed flag with it, and renders help, man page and completion
     * from it. The configuration itself is read by {@link ServeConfiguration}, flags, file and environment together.
     */
    @Mixin
    @SuppressWarnings("unused")
    private ServeOptions options;

    private final Map<String, String> environment;

    public ServeCommand(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
    }

    /**
     * {@code handler}, except that a value of {@code jkms serve} picocli cannot convert is refused in the words of
     * every other refused setting (key, value, source, what is allowed), and exits {@link #EXIT_CONFIG} as they do.
     */
    static IParameterExceptionHandler refusingValuesAsTheHostDoes(IParameterExceptionHandler handler) {
        return (e, args) -> {
            Optional<ConfigException> refused = e.getCommandLine().getCommandSpec().userObject() instanceof ServeCommand
                    ? OptionChecks.translate(e, key -> Optional.empty()) : Optional.empty();
            if (refused.isEmpty()) {
                return handler.handleParseException(e, args);
            }
            e.getCommandLine().getErr().println("jkms serve: " + refused.get().getMessage());
            return EXIT_CONFIG;
        };
    }

    @Override
    public Integer call() {
        List<String> flags = flags();
        Supplier<HostConfig> configuration = () -> ServeConfiguration.read(flags, environment);
        try {
            configuration.get();
        } catch (ConfigException e) {
            spec.commandLine().getErr().println("jkms serve: " + e.getMessage());
            return EXIT_CONFIG;
        }
        try {
            return new HostRunner(configuration, environment).runUntilSignalled();
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

    /** The flags as given, {@code --name value} pairs: each reload reads them again with the file and environment. */
    private List<String> flags() {
        List<String> flags = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            for (String value : option.originalStringValues()) {
                flags.add(option.longestName());
                flags.add(value);
            }
        }
        return List.copyOf(flags);
    }
}
