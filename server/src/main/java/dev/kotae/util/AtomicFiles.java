package dev.kotae.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Replaces a file in one step: readers (the content watcher, an engineer's editor, another request) see
 * the old bytes or the new ones, never half a file. The new bytes go to a temporary file beside the
 * target, are forced to disk, and the temporary file is renamed over the target.
 *
 * <p>{@link #write} and {@link #replaceIf} keep the permissions the target had; a new one gets those any
 * file the server creates in that folder gets (the process's umask), so the web server, a backup or a
 * colleague reads a published article as they read the others. {@link #writeOwnerOnly} is for secrets
 * (the accounts, the signing key): the file is readable by its owner only, where the file system has
 * POSIX permissions, from the moment the temporary file exists.
 */
public final class AtomicFiles {

    private static final FileAttribute<?> OWNER_ONLY =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    private AtomicFiles() {}

    /** Replaces {@code target} with {@code bytes}, keeping the target's permissions when it exists. */
    public static void write(Path target, byte[] bytes) throws IOException {
        Path temp = prepare(target, bytes, false);
        try {
            keepPermissions(target, temp);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * Replaces {@code target} with {@code bytes}, readable and writable by the owner only (0600) where the
     * file system has POSIX permissions; elsewhere the folder's own permissions protect it. Where the file
     * system cannot rename atomically, the file is still replaced, by a plain move.
     */
    public static void writeOwnerOnly(Path target, byte[] bytes) throws IOException {
        Path temp = prepare(target, bytes, true);
        try {
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * {@link #write}, but only if the target still holds what the caller checked: {@code stillCurrent} is
     * given its bytes ({@code null}: no file) after the new bytes are on disk, just before the rename. That
     * leaves the smallest gap there can be against writers who take no lock of ours (an engineer's editor,
     * {@code git pull}); preparing the text (parsing, rendering) is no longer inside it.
     *
     * @return whether it was written; {@code false} leaves the target as it is
     */
    public static boolean replaceIf(Path target, byte[] bytes, Predicate<byte[]> stillCurrent) throws IOException {
        Path temp = prepare(target, bytes, false);
        try {
            keepPermissions(target, temp);
            if (!stillCurrent.test(bytesOrNull(target))) {
                return false;
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return true;
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /**
     * A temporary file beside {@code target} holding {@code bytes}, forced to disk. Its name is hidden: the
     * content folder ignores dot files, so the watcher never indexes it.
     */
    private static Path prepare(Path target, byte[] bytes, boolean ownerOnly) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = newTempFile(dir, "." + target.getFileName(), ownerOnly);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.wrap(bytes);
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true); // on disk before the rename makes it the file
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            throw e;
        }
        return temp;
    }

    /**
     * A new empty file {@code <prefix>.<random>.tmp} in {@code dir}, created as a plain new file is
     * (permissions from the umask), not as {@link Files#createTempFile} makes them (owner only, 0600),
     * which the rename would carry over to the published file. Never an existing file or link: created
     * exclusively.
     */
    public static Path newTempFile(Path dir, String prefix) throws IOException {
        return newTempFile(dir, prefix, false);
    }

    private static Path newTempFile(Path dir, String prefix, boolean ownerOnly) throws IOException {
        boolean posix = ownerOnly && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        while (true) {
            Path temp = dir.resolve(prefix + "." + UUID.randomUUID().toString().replace("-", "") + ".tmp");
            try {
                return posix ? Files.createFile(temp, OWNER_ONLY) : Files.createFile(temp);
            } catch (FileAlreadyExistsException e) {
                // a name taken already: draw another
            }
        }
    }

    private static byte[] bytesOrNull(Path file) throws IOException {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    /** Gives {@code replacement} the permissions {@code original} has, where the file system has them. */
    private static void keepPermissions(Path original, Path replacement) throws IOException {
        PosixFileAttributeView was = Files.getFileAttributeView(original, PosixFileAttributeView.class);
        if (was == null || !Files.exists(original)) {
            return;
        }
        Files.getFileAttributeView(replacement, PosixFileAttributeView.class)
                .setPermissions(was.readAttributes().permissions());
    }
}
