package io.jkms.soak;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code jkms serve} in a process of its own, with the JVM flags of {@code ./jkms}, its output drained and
 * scanned, and its resident memory readable from /proc.
 */
final class HostProcess implements AutoCloseable {
    /** The ./jkms launcher's JVM flags, all of them (the trim returns malloc's free memory every second). */
    static final List<String> LAUNCHER_JVM_FLAGS = List.of("-XX:+UseSerialGC", "-Xms16m", "-Xmx96m",
            "-XX:ReservedCodeCacheSize=48m", "-Xss512k", "-XX:+IgnoreUnrecognizedVMOptions",
            "-XX:TrimNativeHeapInterval=1000", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
            "-Xmn8m", "-XX:SurvivorRatio=2");
    /** What the ./jkms launcher puts in the JVM's environment. */
    static final java.util.Map<String, String> LAUNCHER_ENVIRONMENT = java.util.Map.of("MALLOC_ARENA_MAX", "2");
    private static final Pattern KMS = Pattern.compile("listening on 127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern WEB = Pattern.compile("dashboard on http://127\\.0\\.0\\.1:(\\d+)/");

    final Process process;
    final InetSocketAddress kms;
    final InetSocketAddress web;
    final List<String> problems = new CopyOnWriteArrayList<>();

    private HostProcess(Process process, InetSocketAddress kms, InetSocketAddress web) {
        this.process = process;
        this.kms = kms;
        this.web = web;
    }

    static HostProcess start(Path dataDir, String... args) throws IOException {
        return startUnder(List.of(), dataDir, args);
    }

    /** As {@link #start}, with at most {@code openFiles} file descriptors (as a default {@code ulimit -n}). */
    static HostProcess startWithOpenFiles(int openFiles, Path dataDir, String... args) throws IOException {
        return startUnder(List.of("prlimit", "--nofile=" + openFiles + ":" + openFiles, "--"), dataDir, args);
    }

    /** {@code jkms serve} run by {@code launcher} (a command that runs the rest of its arguments), if any. */
    private static HostProcess startUnder(List<String> launcher, Path dataDir, String... args) throws IOException {
        List<String> command = new ArrayList<>(launcher);
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(LAUNCHER_JVM_FLAGS);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jkms.cli.Main", "serve",
                "--listen", "127.0.0.1:0", "--web", "127.0.0.1:0", "--data-dir", dataDir.toString()));
        command.addAll(List.of(args));
        Files.createDirectories(dataDir);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(LAUNCHER_ENVIRONMENT);
        Process process = builder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Integer kmsPort = null;
        Integer webPort = null;
        List<String> seen = new ArrayList<>();
        while (kmsPort == null || webPort == null) {
            String line = out.readLine();
            if (line == null) {
                throw new IOException("host exited during start-up: " + seen);
            }
            seen.add(line);
            Matcher k = KMS.matcher(line);
            Matcher w = WEB.matcher(line);
            if (k.find()) {
                kmsPort = Integer.parseInt(k.group(1));
            }
            if (w.find()) {
                webPort = Integer.parseInt(w.group(1));
            }
        }
        HostProcess host = new HostProcess(process, new InetSocketAddress("127.0.0.1", kmsPort),
                new InetSocketAddress("127.0.0.1", webPort));
        Thread drain = new Thread(() -> host.drain(out), "host-output");
        drain.setDaemon(true);
        drain.start();
        return host;
    }

    /** Keeps the pipe empty and remembers every line that speaks of an exception or a dead thread. */
    private void drain(BufferedReader out) {
        try {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                if (line.contains("Exception") || line.contains("Error:") || line.contains("OutOfMemory")
                        || line.contains("ERROR") || line.contains("unexpected error")) {
                    problems.add(line);
                }
            }
        } catch (IOException e) {
            problems.add("host output: " + e);
        }
    }

    /** Resident set size in KiB, from /proc. */
    long rssKib() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    /** SIGTERM, then the exit code once the host has drained. */
    int stop() throws Exception {
        new ProcessBuilder("kill", "-TERM", Long.toString(process.pid())).start().waitFor();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("host did not stop within 60 s of SIGTERM");
        }
        return process.exitValue();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
