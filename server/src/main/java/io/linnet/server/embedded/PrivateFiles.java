package io.linnet.server.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Files of the data directory that only the server's own operating-system user may read: the
 * directories are 0700 and the files 0600, so another local user can neither read the data nor
 * learn the generated passwords. On a file system without POSIX permissions the calls change nothing.
 */
public final class PrivateFiles {

    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS_AND_GROUP = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private PrivateFiles() {
    }

    /** Creates {@code directory} (and its parents) if missing, and makes it 0700 either way. */
    public static Path directory(Path directory) {
        try {
            Files.createDirectories(directory);
            if (POSIX) {
                Files.setPosixFilePermissions(directory, DIRECTORY);
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the private directory " + directory, e);
        }
    }

    /**
     * Takes the group's and others' permissions away from {@code directory} (or file) and everything under it: data
     * directories written by earlier versions had world-readable files (Redis's append-only file).
     */
    public static void restrict(Path directory) {
        if (!POSIX || !Files.exists(directory, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> tree = Files.walk(directory)) {
            for (Path path : (Iterable<Path>) tree::iterator) {
                if (Files.isSymbolicLink(path)) {
                    continue;
                }
                Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
                if (permissions.removeAll(OTHERS_AND_GROUP)) {
                    Files.setPosixFilePermissions(path, permissions);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new IllegalStateException("Could not make the files under " + directory + " private", e);
        }
    }

    /**
     * Writes {@code content} to {@code file} as 0600 from the first byte (no moment in which it is
     * readable by others), replacing it atomically.
     */
    public static void write(Path file, String content) {
        try {
            Path temporary = file.resolveSibling("." + file.getFileName() + ".new");
            Files.deleteIfExists(temporary);
            if (POSIX) {
                FileAttribute<Set<PosixFilePermission>> privately = PosixFilePermissions.asFileAttribute(FILE);
                Files.createFile(temporary, privately);
            } else {
                Files.createFile(temporary);
            }
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file, e);
        }
    }

    /** Creates {@code file} empty as 0600 if it is missing (a log file the server's children append to). */
    public static Path emptyFile(Path file) {
        try {
            if (POSIX) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException exists) {
            // appended to, as it is
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + file, e);
        }
        return file;
    }

    /**
     * The password kept in {@code file}, generated (256 random bits, URL-safe base64: no character that
     * needs quoting in SQL or in a Redis configuration file) and stored as 0600 the first time.
     */
    public static String password(Path file) {
        try {
            if (Files.exists(file)) {
                String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
                if (!stored.isEmpty()) {
                    return stored;
                }
            }
            byte[] random = new byte[32];
            RANDOM.nextBytes(random);
            String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            write(file, password + "\n");
            return password;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the password file " + file, e);
        }
    }
}
