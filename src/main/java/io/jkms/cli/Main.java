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
        withoutNettyFlightRecorderEvents();
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
     * Netty 4.2 registers its Flight Recorder events at start, which loads ~100 JFR classes and costs ~3 MB of
     * resident memory in a host that records nothing. Left to Netty when {@code -Dio.netty.jfr.enabled} is given
     * (to profile with JFR, {@code JKMS_JAVA_OPTS="... -Dio.netty.jfr.enabled=true"}).
     */
    static void withoutNettyFlightRecorderEvents() {
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
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
