package io.jkms.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * jkms(1) in troff, rendered from the same picocli model as {@code --help}, so the two cannot disagree.
 * picocli-codegen renders AsciiDoc, which needs Asciidoctor (Ruby or JRuby) to become troff; the man macros
 * used here are few enough to write directly.
 */
final class ManPage {
    private final StringBuilder out = new StringBuilder();

    private ManPage() {
    }

    /** The page for the {@code jkms} command tree, stamped with this version and date. */
    static String render(CommandLine root, String version, String date) {
        return new ManPage().page(root.getCommandSpec(), version, date);
    }

    private String page(CommandSpec root, String version, String date) {
        line(".TH JKMS 1 " + quote(date) + " " + quote("jkms " + version) + " \"User Commands\"");
        // Ragged right and no hyphenation: option names and ePIDs must not be split or stretched.
        line(".ad l");
        line(".nh");
        section("NAME");
        line("jkms \\- " + text(String.join(" ", root.usageMessage().description())));
        section("SYNOPSIS");
        line(".B jkms");
        line("[\\fB\\-hV\\fR] \\fICOMMAND\\fR [\\fIOPTIONS\\fR] [\\fIARGUMENTS\\fR]");
        section("DESCRIPTION");
        paragraph("jkms is a KMS host \\(em the volume-activation service of Windows and Office \\(em with its "
                + "product catalog, a diagnostic client, a client registry, a web dashboard and Prometheus metrics. "
                + "\\fBjkms serve\\fR runs the host; the other commands are its tools. Every command takes "
                + "\\fB\\-\\-help\\fR.");
        options(root);
        section("COMMANDS");
        for (CommandSpec command : commands(root)) {
            command(command);
        }
        footer();
        return out.toString();
    }

    /** Every command below the root, depth first, as {@code jkms products show} is reached. */
    private static List<CommandSpec> commands(CommandSpec spec) {
        List<CommandSpec> all = new ArrayList<>();
        for (CommandLine sub : spec.subcommands().values()) {
            CommandSpec child = sub.getCommandSpec();
            if (child.usageMessage().hidden() || all.contains(child) || child.name().equals("help")) {
                continue;
            }
            all.add(child);
            all.addAll(commands(child));
        }
        return all.stream().distinct().toList();
    }

    private void command(CommandSpec command) {
        line(".SS " + quote(command.qualifiedName(" ")));
        StringBuilder synopsis = new StringBuilder(".B " + command.qualifiedName(" ") + "\n");
        if (!command.options().isEmpty()) {
            synopsis.append("[\\fIOPTIONS\\fR]");
        }
        for (PositionalParamSpec positional : command.positionalParameters()) {
            synopsis.append(' ').append(positional.required() ? "" : "[").append("\\fI")
                    .append(text(positional.paramLabel())).append("\\fR")
                    .append(positional.isMultiValue() ? "..." : "").append(positional.required() ? "" : "]");
        }
        line(synopsis.toString().strip());
        for (String description : command.usageMessage().description()) {
            paragraph(text(format(description)));
        }
        for (PositionalParamSpec positional : command.positionalParameters()) {
            item("\\fI" + text(positional.paramLabel()) + "\\fR", positional.description());
        }
        options(command);
        Map<String, String> exitCodes = command.usageMessage().exitCodeList();
        if (!exitCodes.isEmpty()) {
            paragraph("Exit status:");
            exitCodes.forEach((code, meaning) -> item("\\fB" + text(code.strip()) + "\\fR",
                    new String[] {meaning}));
        }
    }

    private void options(CommandSpec command) {
        for (OptionSpec option : command.options()) {
            if (option.hidden()) {
                continue;
            }
            List<String> names = new ArrayList<>();
            for (String name : option.names()) {
                names.add("\\fB" + text(name).replace("-", "\\-") + "\\fR");
            }
            String label = option.typeInfo().isBoolean() || option.arity().max() == 0 ? ""
                    : " \\fI" + text(option.paramLabel()) + "\\fR";
            item(String.join(", ", names) + label, option.description());
        }
    }

    private void footer() {
        section("ENVIRONMENT");
        item("\\fBJKMS_\\fR\\fINAME\\fR", new String[] {"Any option of jkms serve, e.g. JKMS_RENEWAL_INTERVAL=7d; "
                + "repeatable options take comma-separated lists. Flags win over the configuration file, the file "
                + "over the environment."});
        item("\\fBJAVA_HOME\\fR, \\fBJKMS_JAVA_OPTS\\fR", new String[] {"The Java runtime the launcher starts (else "
                + "java on the PATH), and JVM options that replace the launcher's defaults."});
        section("FILES");
        item("\\fI/etc/jkms/jkms.toml\\fR", new String[] {"Configuration of the packaged service: every option, "
                + "commented out at its default."});
        item("\\fI/var/lib/jkms\\fR", new String[] {"The service's state: the SQLite client registry (registry.db) "
                + "and the dashboard token (web-token)."});
        section("SIGNALS");
        paragraph("SIGTERM and SIGINT stop accepting, drain the open connections, write what the registry still "
                + "holds and exit 0. SIGHUP re-reads the configuration and the catalog.");
        section("SEE ALSO");
        line(".BR systemctl (1),");
        line(".BR journalctl (1)");
    }

    private void item(String tag, String[] description) {
        line(".TP");
        line(tag);
        boolean first = true;
        for (String paragraph : description) {
            if (!first) {
                line(".br");
            }
            line(text(format(paragraph)));
            first = false;
        }
    }

    private void section(String name) {
        line(".SH " + name);
    }

    private void paragraph(String text) {
        line(".PP");
        line(text);
    }

    private void line(String text) {
        out.append(text).append('\n');
    }

    /** picocli's own format escapes: %n is a line break, %% a percent sign. */
    private static String format(String text) {
        return text.replace("%n", " ").replace("%%", "%");
    }

    /**
     * Plain text as troff reads it: backslashes escaped, no line starting with a control character, and long
     * unbroken tokens (URLs, ePIDs) given break points so that a narrow terminal does not warn.
     */
    static String text(String plain) {
        String escaped = plain.replace("\\", "\\e").replace("\n", " ");
        StringBuilder broken = new StringBuilder();
        for (String word : escaped.split(" ", -1)) {
            if (broken.length() > 0) {
                broken.append(' ');
            }
            broken.append(word.length() > 30 ? word.replaceAll("([/=,.])", "$1\\\\:") : word);
        }
        String result = broken.toString();
        return result.startsWith(".") || result.startsWith("'") ? "\\&" + result : result;
    }

    private static String quote(String text) {
        return "\"" + text.replace("\"", "'") + "\"";
    }
}
