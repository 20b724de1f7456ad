package dev.kotae.source.csv;

import static dev.kotae.source.csv.Sheets.file;
import static dev.kotae.source.csv.Sheets.settings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link CsvSettings} as the server binds it (shape, unknown keys, each value) and {@link SheetSpec}
 * (defaults taken from the file, derived ids, checks between files).
 */
class SettingsTest {

    private static final Path BASE = Path.of("/srv/kotae");

    /** How the server's binding (which the test kit runs) names the settings block and its first file. */
    private static final String SETTINGS = "plugins.source-csv: ";
    private static final String FIRST_FILE = "plugins.source-csv.files[0]: ";

    private static CsvSettings bind(Map<String, Object> raw) {
        return new FakePluginContext("source-csv", BASE).withSettings(raw).settings(CsvSettings.class);
    }

    private static List<SheetSpec> resolve(Map<String, Object> raw) throws CsvSourceException {
        return SheetSpec.resolveAll(bind(raw), BASE::resolve);
    }

    /** The message of a setting the binding refuses. */
    private static String refused(Map<String, Object> raw) {
        return assertThrows(IllegalArgumentException.class, () -> bind(raw)).getMessage();
    }

    /** The message of settings that bind but whose files clash. */
    private static String clash(Map<String, Object> raw) {
        return assertThrows(CsvSourceException.class, () -> resolve(raw)).getMessage();
    }

    @Test
    void defaults() throws Exception {
        CsvSettings settings = bind(settings(file("faq/shop-faq.csv")));
        SheetSpec spec = SheetSpec.resolveAll(settings, BASE::resolve).get(0);

        assertEquals("csv", settings.sourceId());
        assertEquals("faq/shop-faq.csv", spec.label());
        assertEquals(Path.of("/srv/kotae/faq/shop-faq.csv"), spec.path());
        assertEquals("auto", spec.encoding());
        assertEquals(',', spec.delimiter());
        assertEquals("shop-faq", spec.idPrefix());
        assertEquals("text", spec.bodyFormat());
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
        assertEquals("markdown", spec.bodyFormat());
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
        assertTrue(refused(top).contains("sourceID"), refused(top));

        String perFile = refused(settings(file("faq.csv", "charset", "UTF-8")));
        assertTrue(perFile.contains("charset"), perFile);

        assertEquals(FIRST_FILE + "file faq.csv: columns: unknown column 'title'; columns are "
                        + "[id, question, answer, category, tags, visibility, type, locale, questions, updated]",
                refused(settings(file("faq.csv", "columns", Map.of("title", "タイトル")))));
    }

    @Test
    void wrongShapesAreRefusedNamingTheSetting() {
        String notAList = refused(Map.of("files", "faq.csv"));
        assertTrue(notAList.contains("files"), notAList);

        String notAMap = refused(settings(file("faq.csv", "columns", List.of("質問", "回答"))));
        assertTrue(notAMap.contains("columns"), notAMap);
    }

    @Test
    void badValuesNameTheSettingTheValueAndTheFile() {
        assertTrue(refused(settings(file("faq.csv", "encoding", "EUC-KR-ish")))
                .startsWith(FIRST_FILE + "file faq.csv: unknown encoding 'EUC-KR-ish'"));
        assertTrue(refused(settings(file("faq.csv", "visibility", "限定")))
                .startsWith(FIRST_FILE + "file faq.csv: unknown visibility '限定'"));
        assertTrue(refused(settings(file("faq.csv", "locale", "Klingon!")))
                .startsWith(FIRST_FILE + "file faq.csv: unknown locale 'Klingon!'"));
        assertTrue(refused(settings(file("faq.csv", "type", "manual")))
                .startsWith(FIRST_FILE + "file faq.csv: unknown type 'manual'"));
        assertTrue(refused(settings(file("faq.csv", "format", "rtf")))
                .startsWith(FIRST_FILE + "file faq.csv: unknown format 'rtf'"));
        assertTrue(refused(settings(file("faq.csv", "delimiter", "::")))
                .startsWith(FIRST_FILE + "file faq.csv: unknown delimiter '::'"));
        assertTrue(refused(settings(file("faq.csv", "idPrefix", "よくある")))
                .startsWith(FIRST_FILE + "file faq.csv: idPrefix 'よくある' is not an id prefix"));
        assertTrue(refused(settings(file("faq.csv", "columns", Map.of("answer", ""))))
                .startsWith(FIRST_FILE + "file faq.csv: columns: answer cannot be ignored"));
        assertEquals(FIRST_FILE + "files: an entry has no path; name the CSV or TSV file", refused(settings(file(" "))));

        Map<String, Object> badId = new HashMap<>(settings(file("faq.csv")));
        badId.put("sourceId", "CSV!");
        assertTrue(refused(badId).startsWith(SETTINGS + "sourceId 'CSV!' is not a source id"), refused(badId));
    }

    @Test
    void emptyFileEntryIsRefused() {
        List<Object> files = new ArrayList<>();
        files.add(file("faq.csv"));
        files.add(null);

        assertEquals(SETTINGS + "files[1]: empty entry; give at least a path", refused(Map.of("files", files)));
    }

    @Test
    void filesMustNotShareAPathOrAnIdPrefix() throws Exception {
        assertTrue(clash(Map.of("files", List.of(file("faq.csv"), file("./faq.csv"))))
                .startsWith("plugins.source-csv.files[1].path: /srv/kotae/faq.csv is already read by plugins.source-csv.files[0]"));
        assertTrue(clash(Map.of("files", List.of(file("ja/faq.csv"), file("en/faq.csv"))))
                .startsWith("plugins.source-csv.files[1]: id prefix 'faq' is already used by plugins.source-csv.files[0]"));
        assertEquals(2, resolve(Map.of("files", List.of(file("ja/faq.csv"), file("en/faq.csv", "idPrefix", "faq-en"))))
                .size(), "an explicit idPrefix settles the clash");
    }

    @Test
    void tabDelimiterSpellings() throws Exception {
        for (String tab : List.of("\t", "tab", "TAB", "\\t")) {
            assertEquals('\t', resolve(settings(file("faq.csv", "delimiter", tab))).get(0).delimiter(), tab);
        }
    }
}
