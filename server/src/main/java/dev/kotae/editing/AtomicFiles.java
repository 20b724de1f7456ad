package dev.kotae.editing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Replaces a file in one step: readers (the content watcher, an engineer's editor, another request) see
 * the old bytes or the new ones, never half a file. The file keeps the permissions it had; a new one gets
 * those any file the server creates in that folder gets (the process's umask), so the web server, a
 * backup or a colleague reads a published article as they read the others.
 */
final class AtomicFiles {

    private AtomicFiles() {}

    /**
     * Writes {@code bytes} to a temporary file beside {@code target}, syncs it, gives it the target's
     * permissions (when the target exists), and renames it over.
     */
    static void write(Path target, byte[] bytes) throws IOException {
        replaceIf(target, bytes, whatIsThere -> true);
    }

    /**
     * {@link #write}, but only if the target still holds what the caller checked: {@code stillCurrent} is
     * given its bytes ({@code null}: no file) after the new bytes are on disk, just before the rename. That
     * leaves the smallest gap there can be against writers who take no lock of ours (an engineer's editor,
     * {@code git pull}); preparing the text (parsing, rendering) is no longer inside it.
     *
     * @return whether it was written; {@code false} leaves the target as it is
     */
    static boolean replaceIf(Path target, byte[] bytes, Predicate<byte[]> stillCurrent) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        // A hidden name: the content folder ignores dot files, so the watcher never indexes the temp file.
        Path temp = newTempFile(dir, "." + target.getFileName());
        try {
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
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
     * A new empty file {@code <prefix>.<random>.tmp} in {@code dir}, created as a plain new file is
     * (permissions from the umask), not as {@link Files#createTempFile} makes them (owner only, 0600),
     * which the rename would carry over to the published file. Never an existing file or link: created
     * exclusively.
     */
    static Path newTempFile(Path dir, String prefix) throws IOException {
        while (true) {
            Path temp = dir.resolve(prefix + "." + UUID.randomUUID().toString().replace("-", "") + ".tmp");
            try {
                return Files.createFile(temp);
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
