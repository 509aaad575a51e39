package io.jkms.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jkms} command: a KMS host and its tools. */
@Command(name = "jkms", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A KMS host for Windows and Office volume activation, and its tools.",
        subcommands = {CommandLine.HelpCommand.class, ProductsCommand.class, KeyCommand.class,
            ActivateCommand.class, BenchCommand.class, DnsRecordCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        avoidUnsafeWarning();
        nettyDefaults();
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /**
     * Java 24 and later warn on standard error when Netty 4.1 first uses sun.misc.Unsafe's memory access, unless
     * {@code --sun-misc-unsafe-memory-access=allow} was given (jkms's launchers give it; Java 17 rejects it). Run
     * as a bare {@code java -jar} without it, Netty is told to do without Unsafe instead: a little slower, and silent.
     */
    static void avoidUnsafeWarning() {
        if (Runtime.version().feature() >= 24 && System.getProperty("sun.misc.unsafe.memory.access") == null
                && System.getProperty("io.netty.noUnsafe") == null) {
            System.setProperty("io.netty.noUnsafe", "true");
        }
    }

    /**
     * Netty settings for a host in service, each left to Netty when given as a {@code -D} property (through
     * {@code JKMS_JAVA_OPTS}): no Flight Recorder events (Netty 4.2 registers them at start: ~100 JFR classes
     * and ~3 MB resident in a host that records nothing), and no buffer leak detection (it samples one buffer in
     * 128 and fills in a stack trace for it, 2.5 % of the I/O threads' time at one activation per connection;
     * set {@code -Dio.netty.leakDetection.level=simple} to look for a leak).
     */
    static void nettyDefaults() {
        setUnlessGiven("io.netty.jfr.enabled", "false");
        setUnlessGiven("io.netty.leakDetection.level", "disabled");
    }

    private static void setUnlessGiven(String property, String value) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, value);
        }
    }

    /** The whole command tree, with the environment the host reads {@code JKMS_*} settings from. */
    public static CommandLine commandLine(java.util.Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.addSubcommand("serve", new ServeCommand(environment));
        io.jkms.config.ServeOptions.described(commandLine.getSubcommands().get("serve").getCommandSpec());
        commandLine.addSubcommand("script", new ScriptCommand(io.jkms.catalog.Catalog::loadDefault, environment));
        commandLine.addSubcommand("clients", new ClientsCommand(io.jkms.catalog.Catalog::loadDefault, environment,
                System.out));
        commandLine.setParameterExceptionHandler(
                ServeCommand.refusingValuesAsTheHostDoes(commandLine.getParameterExceptionHandler()));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
