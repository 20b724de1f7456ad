package dev.kotae.source.csv;

import static dev.kotae.source.csv.Sheets.file;
import static dev.kotae.source.csv.Sheets.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.SourceArticle;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link CsvSettings} (shape, unknown keys) and {@link SheetSpec} (values, defaults, derived ids). */
class SettingsTest {

    private static final Path BASE = Path.of("/srv/kotae");

    private static List<SheetSpec> resolve(Map<String, Object> raw) throws CsvSourceException {
        return SheetSpec.resolveAll(CsvSettings.parse(raw), BASE::resolve);
    }

    private static String error(Map<String, Object> raw) {
        return assertThrows(CsvSourceException.class, () -> resolve(raw)).getMessage();
    }

    @Test
    void defaults() throws Exception {
        CsvSettings settings = CsvSettings.parse(settings(file("faq/shop-faq.csv")));
        SheetSpec spec = SheetSpec.resolveAll(settings, BASE::resolve).get(0);

        assertEquals("csv", settings.sourceId());
        assertEquals("faq/shop-faq.csv", spec.label());
        assertEquals(Path.of("/srv/kotae/faq/shop-faq.csv"), spec.path());
        assertEquals("auto", spec.encoding());
        assertEquals(',', spec.delimiter());
        assertEquals("shop-faq", spec.idPrefix());
        assertEquals(SourceArticle.TEXT, spec.bodyFormat());
        assertNull(spec.locale());
        assertNull(spec.visibility());
        assertNull(spec.type());
        assertNull(spec.category());
        assertEquals(Map.of(), spec.columns());
    }

    @Test
    void valuesAreNormalised() throws Exception {
        SheetSpec spec = resolve(settings(file("faq.txt", "encoding", "Shift_JIS", "visibility", "社内",
                "format", "Markdown", "locale", "ja", "type", "faq", "category", " 配送 ",
                "columns", Map.of("question", "問い合わせ")))).get(0);

        assertEquals("windows-31j", spec.encoding());
        assertEquals('\t', spec.delimiter(), ".txt is Excel's tab-delimited text");
        assertEquals("internal", spec.visibility());
        assertEquals(SourceArticle.MARKDOWN, spec.bodyFormat());
        assertEquals("配送", spec.category());
        assertEquals(Map.of(Column.QUESTION, "問い合わせ"), spec.columns());
    }

    @Test
    void idPrefixesComeFromFileNamesReducedToIdCharacters() throws Exception {
        List<SheetSpec> specs = resolve(Map.of("files", List.of(
                file("FAQ 一覧 2024.csv"), file("よくある質問.csv"), file("x/help.v2.tsv"))));

        assertEquals("FAQ-2024", specs.get(0).idPrefix());
        assertEquals("file2", specs.get(1).idPrefix(), "nothing left of a Japanese name: the file's position");
        assertEquals("help.v2", specs.get(2).idPrefix());
    }

    @Test
    void unknownKeysAreRefusedAtEveryLevel() {
        Map<String, Object> top = new HashMap<>(settings(file("faq.csv")));
        top.put("sourceID", "faq");
        String message = error(top);
        assertTrue(message.startsWith("plugins.source-csv: unknown setting 'sourceID'; known settings: [files, sourceId]"),
                message);

        assertTrue(error(settings(file("faq.csv", "charset", "UTF-8")))
                .startsWith("plugins.source-csv.files[0]: unknown setting 'charset'"));
        assertEquals("plugins.source-csv.files[0].columns: unknown column 'title'; columns are "
                        + "[id, question, answer, category, tags, visibility, type, locale, questions, updated]",
                error(settings(file("faq.csv", "columns", Map.of("title", "タイトル")))));
    }

    @Test
    void wrongShapesNameThePlace() {
        String message = error(Map.of("files", "faq.csv"));

        assertTrue(message.startsWith("plugins.source-csv.files: "), message);
    }

    @Test
    void badValuesNameTheSetting() {
        assertTrue(error(settings(file("faq.csv", "encoding", "EUC-KR-ish")))
                .startsWith("plugins.source-csv.files[0].encoding: unknown encoding 'EUC-KR-ish'"));
        assertTrue(error(settings(file("faq.csv", "visibility", "限定")))
                .startsWith("plugins.source-csv.files[0].visibility: unknown visibility '限定'"));
        assertTrue(error(settings(file("faq.csv", "format", "rtf")))
                .startsWith("plugins.source-csv.files[0].format: unknown format 'rtf'"));
        assertTrue(error(settings(file("faq.csv", "delimiter", "::")))
                .startsWith("plugins.source-csv.files[0].delimiter: unknown delimiter '::'"));
        assertTrue(error(settings(file("faq.csv", "idPrefix", "よくある")))
                .startsWith("plugins.source-csv.files[0].idPrefix: 'よくある' is not an id prefix"));
        assertTrue(error(settings(file("faq.csv", "columns", Map.of("answer", ""))))
                .startsWith("plugins.source-csv.files[0].columns: answer cannot be ignored"));
        assertEquals("plugins.source-csv.files[0].path: missing; name the CSV or TSV file",
                error(settings(file(" "))));

        Map<String, Object> badId = new HashMap<>(settings(file("faq.csv")));
        badId.put("sourceId", "CSV!");
        assertTrue(error(badId).startsWith("plugins.source-csv.sourceId: 'CSV!' is not a source id"));
    }

    @Test
    void filesMustNotShareAPathOrAnIdPrefix() {
        assertTrue(error(Map.of("files", List.of(file("faq.csv"), file("./faq.csv"))))
                .startsWith("plugins.source-csv.files[1].path: /srv/kotae/faq.csv is already read by plugins.source-csv.files[0]"));
        assertTrue(error(Map.of("files", List.of(file("ja/faq.csv"), file("en/faq.csv"))))
                .startsWith("plugins.source-csv.files[1]: id prefix 'faq' is already used by plugins.source-csv.files[0]"));
    }

    @Test
    void tabDelimiterSpellings() throws Exception {
        for (String tab : List.of("\t", "tab", "TAB", "\\t")) {
            assertEquals('\t', resolve(settings(file("faq.csv", "delimiter", tab))).get(0).delimiter(), tab);
        }
    }
}
