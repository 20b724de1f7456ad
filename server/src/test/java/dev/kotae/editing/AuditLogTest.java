package dev.kotae.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit log file as a crash, a long history and non-ASCII messages leave it. */
class AuditLogTest {

    @TempDir
    Path data;

    private static AuditEntry entry(int n) {
        return new AuditEntry(Instant.parse("2026-12-05T10:00:00Z").plusSeconds(n), "編集者" + n, "editor", "publish",
                "article-" + n, "v" + n, "メッセージ " + n);
    }

    @Test
    void aLineTornInsideAMultiByteCharacterIsSkippedAndTheNextAppendIsReadable() throws Exception {
        Path file = data.resolve("audit.jsonl");
        AuditLog log = new AuditLog(file);
        log.append(entry(1));
        log.append(entry(2));
        // A crash in the middle of "編" (three bytes in UTF-8): two of them written, no line break.
        byte[] torn = "{\"time\":\"2026-12-05T10:00:03Z\",\"person\":\"編".getBytes(StandardCharsets.UTF_8);
        Files.write(file, Arrays.copyOf(torn, torn.length - 1), StandardOpenOption.APPEND);

        assertEquals(List.of(entry(2), entry(1)), log.newest(10));
        assertEquals(1, log.readNewestFirst(e -> true), "the torn line is counted");

        log.append(entry(4));
        assertEquals(List.of(entry(4), entry(2), entry(1)), log.newest(10), "the entry after the torn line is kept");
        assertEquals(List.of(entry(4)), log.newest(1));
    }

    @Test
    void aLogLongerThanOneChunkIsReadNewestFirstAcrossChunkBoundaries() throws Exception {
        AuditLog log = new AuditLog(data.resolve("audit.jsonl"));
        List<AuditEntry> written = new ArrayList<>();
        for (int n = 0; n < 1500; n++) { // about 250 KiB: several chunks, lines cut at their boundaries
            written.add(entry(n));
            log.append(entry(n));
        }
        Collections.reverse(written);
        assertEquals(written, log.newest(Integer.MAX_VALUE));
        assertEquals(written.subList(0, 7), log.newest(7));
        assertEquals(List.of(), new AuditLog(data.resolve("none.jsonl")).newest(10), "no log yet");
    }
}
