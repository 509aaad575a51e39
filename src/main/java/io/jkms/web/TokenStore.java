package io.jkms.web;

import io.jkms.registry.OwnerOnly;
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
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The dashboard token kept in the data directory: read if it exists, else generated (32 random bytes, base64url)
 * and written with mode 600, created that way so that it is never readable by others, not even briefly.
 */
public final class TokenStore {
    static final String FILE = "web-token";
    private static final Logger LOG = LoggerFactory.getLogger("io.jkms.web");

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
            tighten();
            return new Token(read(), false);
        }
        OwnerOnly.createDirectory(file.getParent() == null ? Path.of(".") : file.getParent());
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        try {
            Files.createFile(file, ownerOnly());
            OwnerOnly.tighten(file); // the mode given at creation passed through the umask
            Files.write(file, (token + "\n").getBytes(StandardCharsets.US_ASCII), StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            return new Token(read(), false);
        }
        return new Token(token, true);
    }

    /**
     * A token file others could read may have been read: it is made owner-only and reported, never silently used.
     * Its value is kept (operators and scripts may hold it); deleting the file makes the next start generate one.
     */
    private void tighten() {
        try {
            OwnerOnly.tighten(file).ifPresent(mode -> LOG.warn("dashboard token file {} was readable by others ({}):"
                    + " made rw------- (owner only); treat the token as disclosed and replace it (delete the file to"
                    + " have a new one generated)", file, mode));
        } catch (IOException e) {
            LOG.warn("dashboard token file {} may be readable by others and cannot be made owner-only: {}", file,
                    e.toString());
        }
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
