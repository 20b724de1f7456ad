package dev.kotae.source.csv;

import static dev.kotae.source.csv.Sheets.crlf;
import static dev.kotae.source.csv.Sheets.file;
import static dev.kotae.source.csv.Sheets.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.SourceArticle;
import dev.kotae.plugin.testkit.FakePluginContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sheet still being written is read only once it is complete. The clock is the test's: each wait of the
 * loader moves it on, and the "writer" acts during the waits, so nothing depends on the machine's speed.
 */
class WriteQuietTest {

    @TempDir
    Path dir;

    /** The test's time: starts at an arbitrary instant; the loader's waits move it on. */
    private long now = Instant.parse("2026-12-01T09:00:00Z").toEpochMilli();
    private final List<Long> waits = new ArrayList<>();

    private SourceLoader loader(Path faq, Runnable duringEachWait) throws CsvSourceException {
        return loader(settings(file(faq.getFileName().toString())), duringEachWait);
    }

    private SourceLoader loader(java.util.Map<String, Object> settings, Runnable duringEachWait) throws CsvSourceException {
        FakePluginContext context = Sheets.context(dir, settings);
        WriteQuiet quiet = new WriteQuiet(new Clock() {
            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(now);
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        }, millis -> {
            waits.add(millis);
            now += millis;
            duringEachWait.run(); // the writer acts at the end of the wait: just before the loader looks again
        });
        return new SourceLoader(SheetSpec.resolveAll(context.settings(CsvSettings.class), context::resolvePath), quiet);
    }

    /** Writes the file as modified at the test's current time. */
    private void save(Path file, String text) {
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8);
            Files.setLastModifiedTime(file, FileTime.fromMillis(now));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> titles(SourceLoader.Result result) {
        return result.articles().stream().map(SourceArticle::title).collect(Collectors.toList());
    }

    @Test
    void aFileSavedEarlierIsReadAtOnce() throws Exception {
        Path faq = dir.resolve("faq.csv");
        save(faq, crlf("質問,回答", "Q1,A1"));
        now += WriteQuiet.QUIET.toMillis();

        assertEquals(List.of("Q1"), titles(loader(faq, () -> { }).load()));
        assertEquals(List.of(), waits, "no wait for a file unchanged for the quiet period");
    }

    @Test
    void aHalfWrittenFileIsReadOnlyOnceTheWriterHasFinished() throws Exception {
        Path faq = dir.resolve("faq.csv");
        String complete = crlf("質問,回答", "Q1,A1", "Q2,A2", "Q3,A3", "Q4,A4");
        // The writer has saved the first rows just now (at a row boundary: it parses as a shorter sheet) ...
        save(faq, crlf("質問,回答", "Q1,A1"));
        int[] step = {0};
        SourceLoader loader = loader(faq, () -> {
            if (step[0]++ == 0) {
                save(faq, complete); // ... and finishes while the loader waits
            }
        });

        SourceLoader.Result result = loader.load();

        assertEquals(List.of("Q1", "Q2", "Q3", "Q4"), titles(result), "never the half-written sheet");
        assertEquals(2, waits.size(), "one wait saw the file change, the next saw it settled: " + waits);
    }

    @Test
    void aFileThatKeepsChangingIsRefusedForNowNamingIt() throws Exception {
        Path faq = dir.resolve("faq.csv");
        save(faq, crlf("質問,回答", "Q1,A1"));
        StringBuilder rows = new StringBuilder(crlf("質問,回答", "Q1,A1"));
        int[] row = {1};
        SourceLoader loader = loader(faq, () -> {
            rows.append("Q").append(++row[0]).append(",A\r\n");
            save(faq, rows.toString());
        });

        CsvSourceException e = assertThrows(CsvSourceException.class, loader::load);

        assertTrue(e.getMessage().startsWith("faq.csv: still being written"), e.getMessage());
        assertEquals(WriteQuiet.MAX_WAIT.toMillis(), waits.stream().mapToLong(Long::longValue).sum(),
                "the wait is bounded: " + waits);
    }

    @Test
    void sheetsWrittenAtTheSameTimeShareOneBoundedWait() throws Exception {
        Path faq = dir.resolve("faq.csv");
        Path more = dir.resolve("more.csv");
        StringBuilder rows = new StringBuilder(crlf("質問,回答", "Q1,A1"));
        save(faq, rows.toString());
        save(more, rows.toString());
        java.util.Map<String, Object> settings = settings(file("faq.csv"));
        @SuppressWarnings("unchecked")
        List<Object> files = (List<Object>) settings.get("files");
        files.add(file("more.csv"));
        int[] row = {1};
        SourceLoader loader = loader(settings, () -> {
            rows.append("Q").append(++row[0]).append(",A\r\n");
            if (row[0] <= 3) {
                save(faq, rows.toString()); // the first sheet settles just inside the wait ...
            }
            save(more, rows.toString()); // ... while the second is still being written
        });

        assertThrows(CsvSourceException.class, loader::load);
        assertEquals(WriteQuiet.MAX_WAIT.toMillis(), waits.stream().mapToLong(Long::longValue).sum(),
                "two sheets being written wait no longer than one, so the read ends inside the time box: " + waits);
    }

    @Test
    void aFileDatedInTheFutureIsReadOnceItStaysTheSame() throws Exception {
        Path faq = dir.resolve("faq.csv");
        save(faq, crlf("質問,回答", "Q1,A1"));
        Files.setLastModifiedTime(faq, FileTime.fromMillis(now + 3_600_000)); // a clock ahead on the file server

        assertEquals(List.of("Q1"), titles(loader(faq, () -> { }).load()));
        assertEquals(1, waits.size(), waits.toString());
    }
}
