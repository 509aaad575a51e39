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
        System.exit(commandLine(System.getenv()).execute(args));
    }

    /** The whole command tree, with the environment the host reads {@code JKMS_*} settings from. */
    public static CommandLine commandLine(java.util.Map<String, String> environment) {
        CommandLine commandLine = new CommandLine(new Main());
        CommandLine serve = new CommandLine(new ServeCommand(environment));
        ServeCommand.addOptions(serve.getCommandSpec());
        commandLine.addSubcommand("serve", serve);
        commandLine.addSubcommand("script", new ScriptCommand(io.jkms.catalog.Catalog::loadDefault, environment));
        commandLine.addSubcommand("clients", new ClientsCommand(io.jkms.catalog.Catalog::loadDefault, environment,
                System.out));
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
