package dev.kotae.editing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code data/audit.jsonl}: one JSON line per write through the editor, appended and handed to the
 * operating system before the write's call returns. A line that cannot be read (a torn last line after a
 * crash) is skipped when reading.
 */
final class AuditLog {

    private final Path file;
    private final ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    AuditLog(Path file) {
        this.file = file;
    }

    synchronized void append(AuditEntry entry) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        byte[] line = (json.writeValueAsString(entry) + "\n").getBytes(StandardCharsets.UTF_8);
        // One write call per line with O_APPEND: lines never interleave, and it is in the OS once this returns.
        Files.write(file, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    }

    /** Up to {@code limit} entries, newest first. */
    synchronized List<AuditEntry> newest(int limit) throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<AuditEntry> entries = new ArrayList<>();
        for (int i = lines.size() - 1; i >= 0 && entries.size() < limit; i--) {
            try {
                entries.add(json.readValue(lines.get(i), AuditEntry.class));
            } catch (IOException e) {
                // a torn line from a crash mid-write: the rest of the log is still good
            }
        }
        return entries;
    }
}
