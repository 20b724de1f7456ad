package dev.kotae.editing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kotae.util.LineFiles;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code data/audit.jsonl}: one JSON line per write through the editor, appended and handed to the
 * operating system before the write's call returns.
 *
 * <p>Reading goes backwards from the end in chunks, so the newest entries cost the same however long the
 * log has grown, and takes no lock: appends (made under the editor's write lock) never wait for an admin
 * reading the log. A line that cannot be read (a torn line after a crash, bytes that are not UTF-8, a
 * line being appended while it is read) is skipped and counted, never an error.
 */
final class AuditLog {

    private static final Logger LOG = LoggerFactory.getLogger(AuditLog.class);
    private static final int CHUNK = 64 * 1024;

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    /** Appends one at a time, so that the check for a torn last line and the append are one step. */
    private final Object appendLock = new Object();

    AuditLog(Path file) {
        this.file = file;
    }

    /**
     * Appends the entry as one line. A file that does not end with a line break (a line torn by a crash)
     * gets one first, so the torn line stays alone and this entry is readable.
     */
    void append(AuditEntry entry) throws IOException {
        byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (appendLock) {
            LineFiles.append(file, line, false); // in the OS once this returns; not forced: a record, not a promise
        }
    }

    /** Up to {@code limit} entries, newest first. */
    List<AuditEntry> newest(int limit) throws IOException {
        List<AuditEntry> entries = new ArrayList<>();
        if (limit > 0) {
            readNewestFirst(entry -> {
                entries.add(entry);
                return entries.size() < limit;
            });
        }
        return entries;
    }

    /**
     * Hands the entries to {@code visitor}, newest first, while it returns {@code true}; the log as it was
     * when reading began (entries appended meanwhile are not seen).
     *
     * @return how many unreadable lines were skipped (also logged)
     */
    int readNewestFirst(Predicate<AuditEntry> visitor) throws IOException {
        LineReader lines = new LineReader(visitor);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long position = channel.size();
            // The bytes after the last line break met so far: the start of a line that begins in an earlier chunk.
            byte[] carried = new byte[0];
            while (position > 0 && !lines.stopped) {
                int size = (int) Math.min(CHUNK, position);
                position -= size;
                byte[] bytes = new byte[size + carried.length];
                ByteBuffer chunk = ByteBuffer.wrap(bytes, 0, size);
                while (chunk.hasRemaining()) {
                    if (channel.read(chunk, position + chunk.position()) < 0) {
                        throw new EOFException(file + " shrank while it was read");
                    }
                }
                System.arraycopy(carried, 0, bytes, size, carried.length);
                int lineEnd = bytes.length;
                for (int i = bytes.length - 1; i >= 0 && !lines.stopped; i--) {
                    if (bytes[i] == '\n') {
                        lines.accept(bytes, i + 1, lineEnd);
                        lineEnd = i;
                    }
                }
                carried = Arrays.copyOf(bytes, lineEnd);
            }
            if (!lines.stopped) {
                lines.accept(carried, 0, carried.length); // the first line of the file
            }
        } catch (NoSuchFileException e) {
            return 0; // nothing written yet
        }
        if (lines.unreadable > 0) {
            LOG.warn("Skipped {} unreadable line(s) in {} (torn by a crash, or not UTF-8)", lines.unreadable, file);
        }
        return lines.unreadable;
    }

    /** Parses lines, strictly as UTF-8, and hands each entry on until the visitor has enough. */
    private final class LineReader {
        private final Predicate<AuditEntry> visitor;
        private int unreadable;
        private boolean stopped;

        LineReader(Predicate<AuditEntry> visitor) {
            this.visitor = visitor;
        }

        void accept(byte[] bytes, int from, int to) {
            if (to <= from) {
                return; // an empty line: the end of the file, or the break an append put after a torn line
            }
            AuditEntry entry;
            try {
                String line = StandardCharsets.UTF_8.newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes, from, to - from)).toString();
                entry = json.readValue(line, AuditEntry.class);
            } catch (IOException | RuntimeException e) {
                // not UTF-8 (a multi-byte character cut by a crash) or not an entry's JSON
                unreadable++;
                return;
            }
            if (entry == null) {
                unreadable++;
                return;
            }
            stopped = !visitor.test(entry);
        }
    }
}
