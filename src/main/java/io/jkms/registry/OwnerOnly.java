package io.jkms.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Modes for the host's state, which holds personal data (workstation names, machine IDs, addresses) and the
 * dashboard token: the data directory 0700, its files 0600. Set explicitly after creating, because a mode given
 * at creation passes through the umask; on file systems without POSIX modes nothing is done.
 */
public final class OwnerOnly {
    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates the directory (and its parents) if needed; the directory itself becomes 0700. */
    public static void createDirectory(Path dir) throws IOException {
        Files.createDirectories(dir);
        set(dir, DIRECTORY);
    }

    /**
     * Makes an existing file 0600.
     *
     * @return the mode it had when that let others than the owner in (e.g. {@code rw-r--r--}), else empty
     * @throws IOException when the mode cannot be changed (a file of another user)
     */
    public static Optional<String> tighten(Path file) throws IOException {
        Optional<String> before = exposed(file);
        set(file, FILE);
        return before;
    }

    /** The file's mode when group or others may read or write it, else empty. */
    public static Optional<String> exposed(Path file) throws IOException {
        if (!posix(file) || !Files.exists(file)) {
            return Optional.empty();
        }
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(file);
        boolean open = mode.stream().anyMatch(p -> p != PosixFilePermission.OWNER_READ
                && p != PosixFilePermission.OWNER_WRITE && p != PosixFilePermission.OWNER_EXECUTE);
        return open ? Optional.of(PosixFilePermissions.toString(mode)) : Optional.empty();
    }

    private static void set(Path path, Set<PosixFilePermission> mode) throws IOException {
        if (posix(path) && Files.exists(path) && !Files.getPosixFilePermissions(path).equals(mode)) {
            Files.setPosixFilePermissions(path, mode);
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
