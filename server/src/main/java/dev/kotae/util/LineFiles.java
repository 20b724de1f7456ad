package dev.kotae.util;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Files of one record per line, appended to. */
public final class LineFiles {

    private LineFiles() {}

    /**
     * Appends {@code line} (ending in a line break) to {@code file}, creating it and its folder if need be.
     * When the file ends mid-line (a line torn by a crash), a line break goes first, so the torn line stays
     * alone and this one is readable. Callers append one at a time. With {@code force}, the line is on disk
     * before this returns, and so is the file's name when this created it: it survives a power loss.
     */
    public static void append(Path file, byte[] line, boolean force) throws IOException {
        Path folder = file.toAbsolutePath().getParent();
        Files.createDirectories(folder);
        boolean created = Files.notExists(file);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            long size = channel.size();
            ByteBuffer bytes = ByteBuffer.allocate(line.length + 1);
            if (size > 0 && lastByte(channel, size) != '\n') {
                bytes.put((byte) '\n');
            }
            bytes.put(line).flip();
            for (long at = size; bytes.hasRemaining(); ) { // one write call as a rule: the line is whole or absent
                at += channel.write(bytes, at);
            }
            if (force) {
                channel.force(false);
            }
        }
        if (force && created) {
            forceFolder(folder);
        }
    }

    private static byte lastByte(FileChannel channel, long size) throws IOException {
        ByteBuffer last = ByteBuffer.allocate(1);
        channel.read(last, size - 1);
        return last.get(0);
    }

    private static void forceFolder(Path folder) {
        try (FileChannel directory = FileChannel.open(folder, StandardOpenOption.READ)) {
            directory.force(true);
        } catch (IOException e) {
            // Some file systems cannot open a folder for syncing; the file itself is forced all the same.
        }
    }
}
