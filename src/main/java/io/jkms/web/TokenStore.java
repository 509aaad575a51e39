package io.jkms.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * The dashboard token kept in the data directory: read if it exists, else generated (32 random bytes, base64url)
 * and written with mode 600, created that way so that it is never readable by others, not even briefly.
 */
public final class TokenStore {
    static final String FILE = "web-token";

    private final Path file;
    private final RandomGenerator random;

    public TokenStore(Path dataDir, RandomGenerator random) {
        this.file = dataDir.resolve(FILE);
        this.random = random;
    }

    public Path file() {
        return file;
    }

    /** The stored or newly generated token; {@code created} tells whether it was just generated. */
    public record Token(String value, boolean created) {
        @Override
        public String toString() {
            return "Token[created=" + created + "]";
        }
    }

    public Token loadOrCreate() throws IOException {
        if (Files.exists(file)) {
            return new Token(read(), false);
        }
        Files.createDirectories(file.getParent() == null ? Path.of(".") : file.getParent());
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.write(Files.createFile(file, ownerOnly()), (token + "\n").getBytes(StandardCharsets.US_ASCII),
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            return new Token(read(), false);
        }
        return new Token(token, true);
    }

    private String read() throws IOException {
        String token = Files.readString(file, StandardCharsets.US_ASCII).trim();
        try {
            WebSettings.checkToken(token);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage());
        }
        return token;
    }

    private FileAttribute<?>[] ownerOnly() {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> rw = PosixFilePermissions.fromString("rw-------");
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(rw)};
    }
}
