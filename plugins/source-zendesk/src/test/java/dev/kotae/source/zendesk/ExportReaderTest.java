package dev.kotae.source.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportReaderTest {

    @TempDir
    Path folder;

    private final ExportReader reader = new ExportReader();

    @Test
    void readsTheSampleExport() throws IOException {
        TestFiles.copySampleExport(folder);

        ZendeskExport export = reader.read(folder);

        assertEquals(7, export.articles().size());
        assertEquals(4, export.sections().size());
        assertEquals(4, export.categories().size());
        assertEquals(List.of(), export.problems());
        ZendeskExport.Article first = export.articles().get(0).article();
        assertEquals(360041000011L, first.id());
        assertEquals("ja", first.sourceLocale());
        assertEquals(List.of("パスワード", "ログイン"), first.labelNames());
        assertEquals(360020000001L, first.sectionId());
        assertEquals("2024-03-01T09:15:00Z", first.updatedAt());
        assertEquals(360000600001L, export.articles().get(5).article().userSegmentId());
        assertEquals(new ZendeskExport.Section(360020000001L, "アカウント", 360010000001L, "ja"), export.sections().get(0));
    }

    @Test
    void anEntryWithWrongTypesIsSkippedAndDescribed() throws IOException {
        TestFiles.write(folder, "articles.json", """
                {"articles": [
                  {"id": "not a number", "title": "Bad"},
                  "just a string",
                  {"id": 2, "title": "Good", "label_names": ["a"], "vote_sum": 3, "promoted": false}
                ]}
                """);

        ZendeskExport export = reader.read(folder);

        assertEquals(1, export.articles().size());
        assertEquals("Good", export.articles().get(0).article().title());
        assertEquals("articles.json, article 3", export.articles().get(0).origin());
        assertEquals(2, export.problems().size());
        assertTrue(export.problems().get(0).startsWith("articles.json, article 1 could not be read"),
                export.problems().get(0));
        assertEquals("articles.json, article 2 is not a JSON object; skipped", export.problems().get(1));
    }

    @Test
    void pagesAreReadInNameOrderAndSectionPagesAreMerged() throws IOException {
        TestFiles.write(folder, "articles-b.json", "{\"articles\": [{\"id\": 2, \"title\": \"B\"}]}");
        TestFiles.write(folder, "articles-a.json", "{\"articles\": [{\"id\": 1, \"title\": \"A\"}]}");
        TestFiles.write(folder, "sections-ja.json", "{\"sections\": [{\"id\": 5, \"name\": \"配送\", \"locale\": \"ja\"}]}");
        TestFiles.write(folder, "sections-en-us.json",
                "{\"sections\": [{\"id\": 5, \"name\": \"Shipping\", \"locale\": \"en-us\"}]}");
        TestFiles.write(folder, "notes.json", "this is not read");

        ZendeskExport export = reader.read(folder);

        assertEquals(List.of(1L, 2L), export.articles().stream().map(e -> e.article().id()).toList());
        assertEquals(List.of("Shipping", "配送"), export.sections().stream().map(ZendeskExport.Section::name).toList());
    }

    @Test
    void pageNamesSortNaturally() {
        List<String> names = new ArrayList<>(List.of(
                "articles-10.json", "articles-2.json", "articles.json", "articles-ja-2.json", "articles-ja.json",
                "articles-1.json"));

        names.sort(ExportReader::comparePageNames);

        assertEquals(List.of("articles.json", "articles-1.json", "articles-2.json", "articles-10.json",
                "articles-ja.json", "articles-ja-2.json"), names);
    }

    @Test
    void emptyFileIsMalformed() {
        TestFiles.write(folder, "articles.json", "");

        IOException error = assertThrows(IOException.class, () -> reader.read(folder));

        assertTrue(error.getMessage().contains("articles.json"), error.getMessage());
        assertTrue(error.getMessage().contains("empty"), error.getMessage());
    }

    @Test
    void syntaxErrorNamesFileAndLine() {
        TestFiles.write(folder, "articles.json", "{\"articles\": [\n  {\"id\": 1,,}\n]}");

        IOException error = assertThrows(IOException.class, () -> reader.read(folder));

        assertTrue(error.getMessage().startsWith("malformed JSON in " + folder.resolve("articles.json") + " at line 2"),
                error.getMessage());
    }

    @Test
    void aValueTooLargeToReadIsNamedAsSuchNotAsMalformedJson() {
        TestFiles.write(folder, "articles.json", "{\"articles\": [{\"id\": 1, \"title\": \"T\", \"body\": \""
                + "x".repeat(20_000_001) + "\"}]}");

        IOException error = assertThrows(IOException.class, () -> reader.read(folder));

        assertTrue(error.getMessage().startsWith("export page " + folder.resolve("articles.json")
                + " holds a value too large to read: String value length"), error.getMessage());
    }

    @Test
    void aPageFarLargerThanTheApiSendsIsNotRead() throws Exception {
        Path page = folder.resolve("articles.json");
        try (java.io.RandomAccessFile sparse = new java.io.RandomAccessFile(page.toFile(), "rw")) {
            sparse.setLength(ExportReader.MAX_PAGE_BYTES + 1); // no bytes written: the size alone refuses it
        }

        IOException error = assertThrows(IOException.class, () -> reader.read(folder));

        assertTrue(error.getMessage().startsWith("export page " + page + " is 64 MiB;"), error.getMessage());
    }

    @Test
    void missingFolder() {
        IOException error = assertThrows(IOException.class, () -> reader.read(folder.resolve("gone")));

        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
    }
}
