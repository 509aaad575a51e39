package io.jkms.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import picocli.AutoComplete;
import picocli.CommandLine;

/**
 * Writes the files a release ships besides the jar, all from the command-line model: jkms.1 (and jkms.1.gz),
 * the bash completion script and jkms.toml. Run by the build ({@code -Prelease}), not by users.
 */
public final class ReleaseFiles {
    /** What the packaged service sets by environment (jkms.service, the image): shown in its jkms.toml. */
    static final Map<String, String> PACKAGED = Map.of("data-dir", "/var/lib/jkms");

    private ReleaseFiles() {
    }

    /** {@code ReleaseFiles OUTPUT-DIR DATE}: DATE (YYYY-MM-DD) goes on the man page. */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("usage: ReleaseFiles OUTPUT-DIR YYYY-MM-DD");
        }
        write(Path.of(args[0]), args[1]);
    }

    static void write(Path dir, String date) throws IOException {
        Files.createDirectories(dir);
        String version = VersionProvider.version();
        byte[] man = ManPage.render(Main.commandLine(Map.of()), version, date).getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve("jkms.1"), man);
        // GZIPOutputStream writes no file name and a zero time stamp: the same input gives the same bytes.
        try (OutputStream gz = new GZIPOutputStream(Files.newOutputStream(dir.resolve("jkms.1.gz")))) {
            gz.write(man);
        }
        Files.writeString(dir.resolve("jkms.bash"), completion());
        Files.writeString(dir.resolve("jkms.toml"), ConfigTemplate.render(version, PACKAGED));
    }

    static String completion() {
        CommandLine root = Main.commandLine(Map.of());
        return AutoComplete.bash("jkms", root);
    }
}
