package io.jkms.config;

import io.jkms.host.IoTransport;
import io.jkms.registry.RegistrySettings;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.function.Function;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * Every option of {@code jkms serve}, declared once: its flag ({@code --name}) is also its TOML key ({@code name}
 * or {@code name_with_underscores}) and names its environment variable ({@code JKMS_NAME}). The help, the man
 * page, the bash completion and the packaged jkms.toml are all rendered from these declarations.
 */
public final class ServeOptions {
    @Mixin
    ListenerOptions listener;
    @Mixin
    PolicyOptions policy;
    @Mixin
    IdentityOptions identity;
    @Mixin
    RegistryOptions registry;
    @Mixin
    WebOptions web;
    @Mixin
    DnsOptions dns;
    @Mixin
    LogOptions log;

    @Option(names = "--config", paramLabel = "FILE", converter = Converters.FilePath.class)
    Path config;


    /** The option's key: its flag without the dashes. */
    public static String key(OptionSpec option) {
        return option.longestName().replaceFirst("^--", "");
    }

    /** The model of every option, for the documents rendered from it. */
    public static CommandSpec model() {
        return described(CommandSpec.forAnnotatedObject(new ServeOptions()));
    }

    /**
     * Describes each option that {@code ServeOptions.properties} names: the bundle's text, then one line made here
     * the same way for every option, its default (if it has one) and its {@code JKMS_*} variable. The options keep
     * their order. Called for the model alone and for {@code jkms serve}, which mixes these options in: picocli 4.7
     * applied a {@code modelTransformer} neither on this class nor on serve's {@code @Command}.
     */
    public static CommandSpec described(CommandSpec command) {
        ResourceBundle texts = ResourceBundle.getBundle(ServeOptions.class.getName());
        List<OptionSpec> options = List.copyOf(command.options());
        options.forEach(command::remove);
        for (OptionSpec option : options) {
            String key = key(option);
            command.addOption(!texts.containsKey(key) ? option
                    : OptionSpec.builder(option).description(texts.getString(key), sourcesLine(option)).build());
        }
        return command;
    }

    private static String sourcesLine(OptionSpec option) {
        return (option.defaultValue() == null ? "" : "Default: ${DEFAULT-VALUE}. ")
                + "Env: " + ConfigSources.environmentVariable(key(option))
                + (option.isMultiValue() ? " (a comma-separated list)." : ".");
    }

    /** The keys a TOML file may set (all but {@code config}), each with whether it takes several values. */
    static Map<String, Boolean> fileKeys() {
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (OptionSpec option : model().options()) {
            if (!key(option).equals("config")) {
                keys.put(key(option), option.isMultiValue());
            }
        }
        return keys;
    }

    /**
     * The configuration these options make, after each value was converted and held to its range; what is left
     * to check here is how values go together.
     *
     * @param origin the value of an option (by key) as written, and where it came from, for messages
     */
    HostConfig config(Function<String, ConfigValue> origin, Function<IoTransport, Optional<Throwable>> unavailable) {
        PolicyConfig policySettings = policy.settings();
        Optional<RegistrySettings> registrySettings = registry.settings(policySettings.clientCount(), origin);
        return new HostConfig(listener.settings(), policySettings, identity.settings(), identity.btfn,
                (int) listener.threads, listener.io(origin.apply("io"), unavailable), log.logLevel,
                Optional.ofNullable(identity.catalog), registrySettings, web.settings(registry.dataDir, origin),
                dns.settings(origin), log.settings(origin));
    }
}
