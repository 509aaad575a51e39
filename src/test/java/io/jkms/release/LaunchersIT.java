package io.jkms.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every launcher of the release (the checkout's ./jkms, the jar itself, the tarball's bin/jkms, which is also the
 * package's /usr/bin/jkms) starts, serves, answers /readyz and stops on Java 17 and on Java 25 without a word on
 * standard error: no JVM warning about native access (SQLite) or sun.misc.Unsafe (Netty). Runs after
 * {@code -Prelease package}, in the integration-test phase.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class LaunchersIT {
    private static final Path JAVA_25 = Path.of(System.getProperty("jkms.java25",
            "/usr/lib/jvm/temurin-25-jdk-amd64"));
    private static final Pattern KMS = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern WEB = Pattern.compile("dashboard on http://127\\.0\\.0\\.1:(\\d+)/");

    static Stream<Arguments> runtimes() {
        return Stream.of("checkout", "jar", "tarball").flatMap(launcher -> Stream.of(
                Arguments.of(launcher, Path.of(System.getProperty("java.home"))), Arguments.of(launcher, JAVA_25)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("runtimes")
    void startsServesAndStopsWithoutJvmWarnings(String launcher, Path javaHome, @TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(javaHome.resolve("bin/java")), "no JDK at " + javaHome);
        Path base = Path.of(System.getProperty("user.dir"));
        List<String> command = new ArrayList<>(switch (launcher) {
            case "checkout" -> List.of(base.resolve("jkms").toString());
            case "jar" -> List.of(javaHome.resolve("bin/java").toString(), "-jar", base.resolve("target/jkms.jar")
                    .toString());
            default -> List.of(unpack(base, dir).resolve("bin/jkms").toString());
        });
        command.addAll(List.of("serve", "--listen", "127.0.0.1:0", "--web", "127.0.0.1:0", "--data-dir",
                dir.resolve("data").toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(dir.resolve("stderr").toFile());
        Map<String, String> env = builder.environment();
        env.put("JAVA_HOME", javaHome.toString());
        env.put("PATH", javaHome.resolve("bin") + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
        Process process = builder.start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            int kms = -1;
            int web = -1;
            for (String line = out.readLine(); line != null && (kms < 0 || web < 0); line = out.readLine()) {
                kms = Math.max(kms, find(KMS, line));
                web = Math.max(web, find(WEB, line));
            }
            assertThat(web).as("started, stderr: %s", Files.readString(dir.resolve("stderr"))).isPositive();
            // A real activation through the host, with the registry written: every native and Netty path used.
            HttpURLConnection readyz = (HttpURLConnection) URI.create("http://127.0.0.1:" + web + "/readyz").toURL()
                    .openConnection();
            assertThat(readyz.getResponseCode()).isEqualTo(200);
            readyz.disconnect();
            assertThat(new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor()).isZero();
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).isZero();
        } finally {
            process.destroyForcibly();
        }
        // The launchers' own progress lines ("jkms: building the class-data archive ...") start with "jkms: ";
        // anything else on standard error comes from the JVM.
        assertThat(Files.readAllLines(dir.resolve("stderr")).stream().filter(l -> !l.startsWith("jkms: ")))
                .as("standard error of %s on %s", launcher, javaHome).isEmpty();
    }

    private static int find(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    private static Path unpack(Path base, Path dir) throws IOException, InterruptedException {
        try (Stream<Path> files = Files.list(base.resolve("target"))) {
            Path tarball = files.filter(p -> p.getFileName().toString().matches("jkms-.*-linux\\.tar\\.gz"))
                    .findFirst().orElseThrow(() -> new AssertionError("no tarball: run ./mvnw -Prelease verify"));
            Path into = Files.createDirectories(dir.resolve("unpacked"));
            Process tar = new ProcessBuilder("tar", "-xzf", tarball.toString(), "-C", into.toString()).inheritIO().start();
            assertThat(tar.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(tar.exitValue()).isZero();
            try (Stream<Path> unpacked = Files.list(into)) {
                return unpacked.findFirst().orElseThrow();
            }
        }
    }
}
