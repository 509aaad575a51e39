package io.jkms.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.jkms.config.ConfigSources;
import io.jkms.config.HostConfig;
import io.jkms.config.ServeConfiguration;
import io.jkms.config.ServeOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/** The man page, the bash completion and jkms.toml, generated from the command-line model as the build does. */
class ReleaseFilesTest {
    @TempDir
    static Path dir;

    @BeforeAll
    static void generate() throws IOException {
        ReleaseFiles.write(dir, "2026-12-01");
    }

    private record Run(int exit, String out, String err) {
    }

    private static Run run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        Path err = Files.createTempFile(dir, "stderr", ".txt");
        Process process = builder.redirectError(err.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Run(process.exitValue(), out, Files.readString(err));
    }

    @Test
    void manRendersThePageWithoutWarningsAtAnyWidth() throws Exception {
        for (String width : List.of("80", "60", "160")) {
            Run man = run(Map.of("MANWIDTH", width, "LANG", "C.UTF-8"), "man", "--warnings", "-l",
                    dir.resolve("jkms.1.gz").toString());
            assertThat(man.exit()).isZero();
            assertThat(man.err()).as("warnings at width %s", width).isEmpty();
            assertThat(man.out()).contains("JKMS(1)", "jkms serve", "jkms activate", "jkms products show");
        }
    }

    @Test
    void theManPageNamesEveryOptionOfEveryCommand() throws Exception {
        String page = run(Map.of("MANWIDTH", "200"), "man", "-l", dir.resolve("jkms.1").toString()).out();
        CommandSpec root = Main.commandLine(Map.of()).getCommandSpec();
        List<String> missing = new java.util.ArrayList<>();
        collect(root, page, missing);
        assertThat(missing).isEmpty();
    }

    private static void collect(CommandSpec spec, String page, List<String> missing) {
        for (OptionSpec option : spec.options()) {
            if (!option.hidden() && !page.contains(option.longestName())) { // hidden: kept for old scripts only
                missing.add(spec.qualifiedName() + " " + option.longestName());
            }
        }
        spec.subcommands().values().stream().map(c -> c.getCommandSpec()).filter(c -> !c.name().equals("help"))
                .forEach(c -> collect(c, page, missing));
    }

    @Test
    void bashCompletesSerToServe() throws Exception {
        Path script = dir.resolve("jkms.bash");
        Run bash = run(Map.of(), "bash", "-c", "source \"$1\" && COMP_WORDS=(jkms ser) && COMP_CWORD=1 "
                + "&& COMP_LINE='jkms ser' && COMP_POINT=8 && _complete_jkms && printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", script.toString());
        assertThat(bash.err()).isEmpty();
        assertThat(bash.out().lines().toList()).containsExactly("serve");
        Run options = run(Map.of(), "bash", "-c", "source \"$1\" && COMP_WORDS=(jkms serve --log-f) && COMP_CWORD=2 "
                + "&& COMP_LINE='jkms serve --log-f' && COMP_POINT=18 && _complete_jkms && printf '%s\\n' \"${COMPREPLY[@]}\"",
                "bash", script.toString());
        assertThat(options.out().lines().toList()).contains("--log-format", "--log-file", "--log-file-max-size");
    }

    @Test
    void theConfigFileListsEverySettingAndUncommentedGivesTheDefaults() throws IOException {
        String toml = Files.readString(dir.resolve("jkms.toml"));
        for (OptionSpec option : ServeOptions.model().options()) {
            String key = ServeOptions.key(option);
            if (!key.equals("config")) {
                assertThat(toml).as(key).containsPattern("(?m)^# " + key + " = ");
            }
        }
        String uncommented = toml.lines().filter(l -> l.matches("# [a-z0-9-]+ = .*")
                        && !l.endsWith(ConfigTemplate.NOT_SET))
                .map(l -> l.substring(2)).collect(Collectors.joining("\n"));
        Path file = Files.writeString(dir.resolve("uncommented.toml"), uncommented);
        Map<String, String> packaged = new java.util.HashMap<>();
        ReleaseFiles.PACKAGED.forEach((key, value) -> packaged.put(ConfigSources.environmentVariable(key), value));
        HostConfig fromFile = ServeConfiguration.read(List.of("--config", file.toString()), Map.of());
        HostConfig builtIn = ServeConfiguration.read(List.of(), packaged);
        assertThat(fromFile).usingRecursiveComparison().isEqualTo(builtIn);
    }
}
