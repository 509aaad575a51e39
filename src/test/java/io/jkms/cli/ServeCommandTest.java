package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.config.ServeOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/** {@code jkms serve}'s command line: help from the option model, and malformed flags refused before start. */
class ServeCommandTest {
    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> environment, String... args) {
        CommandLine commandLine = Main.commandLine(environment);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exit = commandLine.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void helpListsEveryOptionOfTheModelWithItsBuiltInDefaultWhateverTheEnvironmentSays() {
        Run help = run(Map.of("JKMS_RENEWAL_INTERVAL", "7d"), "serve", "--help");
        assertThat(help.exit()).isZero();
        for (OptionSpec option : ServeOptions.model().options()) {
            assertThat(help.out()).contains(option.longestName());
        }
        assertThat(help.out()).contains("Default: 10080. Env: JKMS_RENEWAL_INTERVAL.").doesNotContain("Default: 7d");
    }

    @Test
    @Timeout(60) // a value wrongly accepted would start the host, which then runs until signalled
    void aFlagThatDoesNotConvertIsRefusedInTheHostsWordsBeforeAnythingStarts() {
        Run bad = run(Map.of(), "serve", "--retention", "ninety", "--web", "off", "--listen", "127.0.0.1:0");
        assertThat(bad.exit()).isEqualTo(ServeCommand.EXIT_CONFIG);
        assertThat(bad.err()).startsWith("jkms serve: invalid value 'ninety' for retention (from --retention): "
                + "allowed 1 to 3650 days").doesNotContain("Usage:");
    }

    @Test
    @Timeout(60)
    void aValueOutOfRangeFromTheEnvironmentNamesTheVariable() {
        Run bad = run(Map.of("JKMS_IDLE_TIMEOUT", "11m"), "serve", "--web", "off", "--listen", "127.0.0.1:0");
        assertThat(bad.exit()).isEqualTo(ServeCommand.EXIT_CONFIG);
        assertThat(bad.err()).startsWith("jkms serve: invalid value '11m' for idle-timeout (from JKMS_IDLE_TIMEOUT): "
                + "allowed 1 to 600 seconds");
    }

    @Test
    void anUnknownOptionGetsPicocliHelpAsBefore() {
        Run bad = run(Map.of(), "serve", "--renewal", "7d");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("Unknown option", "--renewal");
    }
}
