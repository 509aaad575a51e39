package io.jkms.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code jkms} command: a KMS host and its tools. */
@Command(name = "jkms", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "A KMS host for Windows and Office volume activation, and its tools.",
        subcommands = {CommandLine.HelpCommand.class, ProductsCommand.class, KeyCommand.class,
            ScriptCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
