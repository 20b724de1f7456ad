package dev.kotae.source.csv;

import static dev.kotae.source.csv.Sheets.crlf;
import static dev.kotae.source.csv.Sheets.file;
import static dev.kotae.source.csv.Sheets.settings;
import static dev.kotae.source.csv.Sheets.write;
import static dev.kotae.source.csv.Sheets.writeWithBom;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.ArticleType;
import dev.kotae.plugin.BodyFormat;
import dev.kotae.plugin.SourceArticle;
import dev.kotae.plugin.Visibility;
import dev.kotae.plugin.testkit.FakePluginContext;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The extension as the server drives it: start with settings, articles(), watched files, stop. */
class CsvContentSourceTest {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    @TempDir
    Path dir;

    private final List<CsvContentSource> started = new ArrayList<>();

    @AfterEach
    void stopAll() {
        started.forEach(CsvContentSource::stop);
    }

    private CsvContentSource start(FakePluginContext context) throws Exception {
        CsvContentSource source = new CsvContentSource();
        started.add(source);
        source.start(context);
        return source;
    }

    private List<SourceArticle> articles(Map<String, Object> settings) throws Exception {
        return start(Sheets.context(dir, settings)).articles();
    }

    private static Map<String, SourceArticle> byId(List<SourceArticle> articles) {
        return articles.stream().collect(Collectors.toMap(SourceArticle::id, Function.identity()));
    }

    @Test
    void readsTheSampleSheetUtf8WithBomAndJapaneseHeaders() throws Exception {
        Path sample = Path.of(getClass().getResource("/sample/shop-faq.csv").toURI());
        assertEquals((byte) 0xEF, Files.readAllBytes(sample)[0], "the sample must keep its BOM");

        CsvContentSource source = start(Sheets.context(dir, settings(file(sample.toString()))));
        List<SourceArticle> articles = source.articles();

        assertEquals("csv", source.sourceId());
        assertEquals(List.of("shop-faq.2", "shop-faq.3", "shop-faq.4", "shop-faq.5", "shop-faq.6", "shop-faq.7"),
                articles.stream().map(SourceArticle::id).collect(Collectors.toList()));
        SourceArticle first = articles.get(0);
        assertEquals("後払いは利用できますか？", first.title(), "the BOM must not stick to the 質問 header");
        assertTrue(first.body().startsWith("はい、コンビニ・銀行・郵便局で"), first.body());
        assertTrue(first.body().contains("ご利用いただけます。\n請求書は"), "line breaks inside the cell are kept");
        assertEquals(BodyFormat.TEXT, first.bodyFormat());
        assertEquals("お支払い", first.category());
        assertEquals(List.of("後払い", "請求書", "手数料"), first.tags());
        assertEquals(Visibility.PUBLIC, first.visibility());
        assertNull(first.locale(), "no locale setting: the server's default applies");
        assertEquals(List.of("後払い", "請求書", "再発行"), articles.get(1).tags());
        assertTrue(articles.get(3).body().contains("5,000円（税込）以上"), articles.get(3).body());
        assertTrue(articles.get(4).body().contains("\"ポイント失効のお知らせ\""), articles.get(4).body());
        assertEquals(List.of("ポイント", "有効期限"), articles.get(4).tags());
        SourceArticle internal = articles.get(5);
        assertEquals(Visibility.INTERNAL, internal.visibility());
        assertEquals(3, internal.body().split("\n").length);
    }

    @Test
    void readsUtf8WithoutBomAndEnglishHeaders() throws Exception {
        write(dir.resolve("help.csv"), "Question,Answer,Category\nHow do I pay?,By card or bank transfer.,Payment\n");

        SourceArticle article = articles(settings(file("help.csv"))).get(0);

        assertEquals("help.2", article.id());
        assertEquals("How do I pay?", article.title());
        assertEquals("By card or bank transfer.", article.body());
        assertEquals("Payment", article.category());
    }

    @Test
    void readsWindows31jAsJapaneseExcelSavesCsv() throws Exception {
        String text = crlf("質問,回答,カテゴリ",
                "「返品・返金について」,お届けから①７日以内、②未使用の場合に返品できます。受付は9:00～18:00です。,返品");
        write(dir.resolve("returns.csv"), text, WINDOWS_31J);

        for (String encoding : List.of("auto", "windows-31j", "Shift_JIS", "CP932")) {
            List<SourceArticle> articles = articles(settings(file("returns.csv", "encoding", encoding)));

            assertEquals(1, articles.size(), encoding);
            assertEquals("「返品・返金について」", articles.get(0).title(), encoding);
            assertEquals("お届けから①７日以内、②未使用の場合に返品できます。受付は9:00\uFF5E18:00です。",
                    articles.get(0).body(), encoding + ": ① and FULLWIDTH TILDE as Windows means them");
            assertEquals("返品", articles.get(0).category(), encoding);
        }
    }

    @Test
    void windows31jFileReadAsUtf8IsAnErrorNamingTheFile() throws Exception {
        write(dir.resolve("returns.csv"), crlf("質問,回答", "返品できますか,はい"), WINDOWS_31J);

        CsvSourceException e = assertThrows(CsvSourceException.class,
                () -> articles(settings(file("returns.csv", "encoding", "UTF-8"))));

        assertTrue(e.getMessage().startsWith("returns.csv ("), e.getMessage());
        assertTrue(e.getMessage().contains("not valid UTF-8 at byte 0"), e.getMessage());
    }

    @Test
    void quotedMultiLineCellsWithDoubledQuotesAndCrlf() throws Exception {
        write(dir.resolve("faq.csv"), crlf(
                "question,answer,tags",
                "\"Can I \"\"return\"\" it?\",\"Yes.\r\n\r\nWithin 30 days, \"\"unused\"\" only.\",\"returns, refunds\"",
                "Next row,\"One\nTwo\",x"));

        List<SourceArticle> articles = articles(settings(file("faq.csv")));

        assertEquals(2, articles.size());
        assertEquals("Can I \"return\" it?", articles.get(0).title());
        assertEquals("Yes.\n\nWithin 30 days, \"unused\" only.", articles.get(0).body());
        assertEquals(List.of("returns", "refunds"), articles.get(0).tags());
        // A line break inside quotes is not a new row: ids follow the spreadsheet's row numbers.
        assertEquals("faq.2", articles.get(0).id());
        assertEquals("faq.3", articles.get(1).id());
        assertEquals("One\nTwo", articles.get(1).body());
    }

    @Test
    void readsTsvByExtension() throws Exception {
        write(dir.resolve("faq.tsv"), "質問\t回答\tタグ\n送料はいくら？\t550円, 5,000円以上で無料\t送料\n");

        SourceArticle article = articles(settings(file("faq.tsv"))).get(0);

        assertEquals("送料はいくら？", article.title());
        assertEquals("550円, 5,000円以上で無料", article.body(), "commas are plain text in a TSV");
        assertEquals(List.of("送料"), article.tags());
    }

    @Test
    void cellsAreTakenByPositionDespiteBlankAndRepeatedHeaders() throws Exception {
        write(dir.resolve("faq.csv"), crlf(
                "メモ,質問,,メモ,回答,",
                "m1,Q,blank header,m2,A,trailing"));

        SourceArticle article = articles(settings(file("faq.csv"))).get(0);

        assertEquals("Q", article.title());
        assertEquals("A", article.body());
    }

    @Test
    void explicitDelimiterOverridesTheExtension() throws Exception {
        write(dir.resolve("faq.csv"), "question;answer\nQ1;A, with comma\n");

        SourceArticle article = articles(settings(file("faq.csv", "delimiter", ";"))).get(0);

        assertEquals("A, with comma", article.body());
    }

    @Test
    void recognisesJapaneseHeaderVariantsForEveryColumn() throws Exception {
        write(dir.resolve("faq.csv"), crlf(
                "ＩＤ, 質問 ,答え,カテゴリー,キーワード,公開,種別,言語,別の聞き方,更新日",
                "faq-001,ポイントは使えますか,1ポイント1円で使えます。,ポイント,ポイント、利用,社内限定,playbook,日本語,"
                        + "\"ポイントで払える？\nポイントの使い方\",2026/2/1"));

        SourceArticle a = articles(settings(file("faq.csv"))).get(0);

        assertEquals("faq-001", a.id());
        assertEquals("ポイントは使えますか", a.title());
        assertEquals("1ポイント1円で使えます。", a.body());
        assertEquals("ポイント", a.category());
        assertEquals(List.of("ポイント", "利用"), a.tags());
        assertEquals(Visibility.INTERNAL, a.visibility());
        assertEquals(ArticleType.PLAYBOOK, a.type());
        assertEquals("ja", a.locale());
        assertEquals(List.of("ポイントで払える？", "ポイントの使い方"), a.questions());
        assertEquals(LocalDate.of(2026, 2, 1), a.updated());
    }

    @Test
    void explicitColumnsMapUnusualHeadersAndCanIgnoreARecognisedOne() throws Exception {
        write(dir.resolve("faq.csv"), crlf(
                "管理コード,問い合わせ内容,対応方法,分類,備考",
                "R-1,返品したい,マイページから申請してください。,返品,社内メモ"));
        Map<String, Object> columns = new java.util.HashMap<>();
        columns.put("id", "管理コード");
        columns.put("question", "問い合わせ内容");
        columns.put("answer", "対応方法");
        columns.put("category", null); // 分類 would be recognised; this sheet's 分類 is not for customers

        SourceArticle a = articles(settings(file("faq.csv", "columns", columns, "category", "その他"))).get(0);

        assertEquals("R-1", a.id());
        assertEquals("返品したい", a.title());
        assertEquals("マイページから申請してください。", a.body());
        assertEquals("その他", a.category(), "the file default, since the 分類 column is ignored");
    }

    @Test
    void fileDefaultsApplyToEmptyCellsAndCellsWin() throws Exception {
        write(dir.resolve("faq.csv"), crlf(
                "質問,回答,公開範囲,言語",
                "Q1,**A1**,,",
                "Q2,A2,公開,en"));

        List<SourceArticle> articles = articles(settings(file("faq.csv", "locale", "ja", "visibility", "社内",
                "type", "faq", "category", "一般", "format", "markdown", "idPrefix", "shop")));

        SourceArticle defaults = articles.get(0);
        assertEquals("shop.2", defaults.id());
        assertEquals(Visibility.INTERNAL, defaults.visibility());
        assertEquals("ja", defaults.locale());
        assertEquals(ArticleType.FAQ, defaults.type());
        assertEquals("一般", defaults.category());
        assertEquals(BodyFormat.MARKDOWN, defaults.bodyFormat());
        SourceArticle overridden = articles.get(1);
        assertEquals(Visibility.PUBLIC, overridden.visibility());
        assertEquals("en", overridden.locale());
    }

    @Test
    void visibilityWordsMapAndUnknownValuesSkipTheRow() throws Exception {
        write(dir.resolve("faq.csv"), crlf(
                "id,質問,回答,公開範囲",
                "v1,Q,A,public",
                "v2,Q,A,公開",
                "v3,Q,A,Internal",
                "v4,Q,A,社内",
                "v5,Q,A,社内限定",
                "v6,Q,A,非公開",
                "v7,Q,A,internal-only",
                "v8,Q,A,",
                "v9,Q,A,限定公開",
                "v10,Q,A,public?"));

        SourceLoader.Result result = Sheets.load(dir, settings(file("faq.csv")));
        Map<String, SourceArticle> articles = byId(result.articles());

        assertEquals(Visibility.PUBLIC, articles.get("v1").visibility());
        assertEquals(Visibility.PUBLIC, articles.get("v2").visibility());
        for (String id : List.of("v3", "v4", "v5", "v6", "v7")) {
            assertEquals(Visibility.INTERNAL, articles.get(id).visibility(), id);
        }
        assertNull(articles.get("v8").visibility(), "blank: the server's default for the type");
        assertFalse(articles.containsKey("v9"), "never publish an unknown visibility");
        assertFalse(articles.containsKey("v10"));
        assertEquals(8, articles.size());
        assertTrue(result.warnings().contains(
                "faq.csv row 10: unknown visibility '限定公開' (use public/公開 or internal/社内/社内限定/非公開); row skipped"),
                result.warnings().toString());
    }

    @Test
    void missingAnswerColumnStopsStartListingTheHeaders() throws Exception {
        write(dir.resolve("faq.csv"), crlf("質問,備考", "Q,memo"));

        CsvSourceException e = assertThrows(CsvSourceException.class,
                () -> start(Sheets.context(dir, settings(file("faq.csv")))));

        assertTrue(e.getMessage().startsWith("faq.csv ("), e.getMessage());
        assertTrue(e.getMessage().contains("no answer column; headers found: '質問', '備考'"), e.getMessage());
    }

    @Test
    void unknownSettingStopsStart() {
        Map<String, Object> settings = settings(file("faq.csv", "colums", Map.of("question", "Q")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(Sheets.context(dir, settings)));

        assertTrue(e.getMessage().contains("colums"), e.getMessage());
    }

    @Test
    void badValueStopsStartNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> start(Sheets.context(dir, settings(file("faq.csv", "visibility", "社内用")))));

        assertTrue(e.getMessage().contains("unknown visibility '社内用'"), e.getMessage());
    }

    @Test
    void missingFileStopsStartNamingIt() {
        CsvSourceException e = assertThrows(CsvSourceException.class,
                () -> start(Sheets.context(dir, settings(file("faq/nope.csv")))));

        assertTrue(e.getMessage().startsWith("faq/nope.csv ("), e.getMessage());
        assertTrue(e.getMessage().endsWith("nope.csv): file not found"), e.getMessage());
    }

    @Test
    void blankRowsAreSkippedAndDuplicateIdsKeepTheFirst() throws Exception {
        write(dir.resolve("faq.csv"), crlf(
                "番号,質問,回答",
                "1,最初,残る",
                ",,",
                "",
                "1,二番目,捨てられる",
                "2,次,残る"));

        SourceLoader.Result result = Sheets.load(dir, settings(file("faq.csv")));

        assertEquals(List.of("1", "2"), result.articles().stream().map(SourceArticle::id).collect(Collectors.toList()));
        assertEquals("最初", result.articles().get(0).title());
        assertEquals(List.of("faq.csv row 4: id '1' is already used by faq.csv row 2; row skipped"), result.warnings());
    }

    @Test
    void duplicateIdsAcrossFilesKeepTheFirstFile() throws Exception {
        write(dir.resolve("a.csv"), crlf("id,question,answer", "x,From A,a"));
        write(dir.resolve("b.csv"), crlf("id,question,answer", "x,From B,b", "y,Only B,b"));
        Map<String, Object> settings = Map.of("files", List.of(file("a.csv"), file("b.csv")));

        List<SourceArticle> articles = articles(settings);

        assertEquals(List.of("From A", "Only B"), articles.stream().map(SourceArticle::title).collect(Collectors.toList()));
    }

    @Test
    void customSourceIdIsUsed() throws Exception {
        write(dir.resolve("faq.csv"), crlf("質問,回答", "Q,A"));
        Map<String, Object> settings = new java.util.HashMap<>(settings(file("faq.csv")));
        settings.put("sourceId", "shop-sheet");

        assertEquals("shop-sheet", start(Sheets.context(dir, settings)).sourceId());
    }

    @Test
    void noFilesConfiguredIsAnEmptySource() throws Exception {
        assertEquals(List.of(), articles(Map.of()));
    }

    @Test
    void unparseableFileMakesArticlesThrowNamingTheFile() throws Exception {
        Path faq = write(dir.resolve("faq.csv"), crlf("質問,回答", "Q,A"));
        CsvContentSource source = start(Sheets.context(dir, settings(file("faq.csv"))));
        write(faq, crlf("質問,回答", "Q,\"unclosed quote"));

        CsvSourceException e = assertThrows(CsvSourceException.class, source::articles);

        assertTrue(e.getMessage().startsWith("faq.csv ("), e.getMessage());
        assertTrue(e.getMessage().contains("not valid CSV"), e.getMessage());
    }

    @Test
    void aSheetLargerThanTheLimitIsRefusedNamingTheFileAndItsSize() throws Exception {
        Path faq = write(dir.resolve("faq.csv"), crlf("question,answer", "Q1,A1"));
        CsvContentSource source = start(Sheets.context(dir, settings(file("faq.csv"))));
        assertEquals(1, source.articles().size());

        // Valid CSV (ASCII, so characters are bytes), one byte past the limit: read whole, a sheet of a
        // million rows ended the server.
        StringBuilder big = new StringBuilder(crlf("question,answer"));
        String row = crlf("Q,A" + "x".repeat(1000));
        while (big.length() + row.length() <= SheetReader.MAX_BYTES) {
            big.append(row);
        }
        big.append("y".repeat((int) (SheetReader.MAX_BYTES + 1 - big.length())));
        write(faq, big.toString());
        assertEquals(SheetReader.MAX_BYTES + 1, java.nio.file.Files.size(faq));

        CsvSourceException e = assertThrows(CsvSourceException.class, source::articles);
        assertTrue(e.getMessage().startsWith("faq.csv ("), e.getMessage());
        assertTrue(e.getMessage().contains("16,777,217 bytes, larger than a sheet may be (16 MiB)"), e.getMessage());

        write(faq, big.substring(0, (int) SheetReader.MAX_BYTES - 1));
        assertTrue(source.articles().size() > 10_000, "a sheet just within the limit is read");
    }

    @Test
    void aLostQuoteThatWouldMangleRowsMakesArticlesThrowNamingFileAndLine() throws Exception {
        Path faq = write(dir.resolve("faq.csv"), crlf("質問,回答", "Q1,A1", "Q2,\"line one\r\nline two, more\"", "Q3,A3"));
        CsvContentSource source = start(Sheets.context(dir, settings(file("faq.csv"))));
        assertEquals(List.of("Q1", "Q2", "Q3"), source.articles().stream().map(SourceArticle::title)
                .collect(Collectors.toList()));

        // The opening quote of Q2's answer is lost: the parser would read "line two" as a question of its own.
        write(faq, crlf("質問,回答", "Q1,A1", "Q2,line one", "line two, more\"", "Q3,A3"));
        CsvSourceException e = assertThrows(CsvSourceException.class, source::articles);

        assertTrue(e.getMessage().startsWith("faq.csv ("), e.getMessage());
        assertTrue(e.getMessage().contains("not valid CSV: line 4: unbalanced quote"), e.getMessage());

        write(faq, crlf("質問,回答", "Q1,A1", "Q2,\"unclosed answer", "Q3,A3"));
        e = assertThrows(CsvSourceException.class, source::articles);
        assertTrue(e.getMessage().contains("not valid CSV: line 3: unbalanced quote"), e.getMessage());
    }

    @Test
    void startAsksTheServerToWatchEveryFileUnderTheSourceId() throws Exception {
        write(dir.resolve("faq.csv"), crlf("質問,回答", "Q,A"));
        write(dir.resolve("notes/agents.tsv"), "質問\t回答\nQ\tA\n");
        Map<String, Object> settings = new java.util.HashMap<>(
                Map.of("files", List.of(file("faq.csv"), file("./notes/../notes/agents.tsv"))));
        settings.put("sourceId", "shop-sheet");
        FakePluginContext context = Sheets.context(dir, settings);

        start(context);

        assertEquals(Map.of("shop-sheet", List.of(dir.resolve("faq.csv").toAbsolutePath(),
                dir.resolve("notes/agents.tsv").toAbsolutePath())), context.watches);
        assertEquals(List.of(), context.changedSources, "the server, not the plugin, reports changes");
    }

    @Test
    void noFilesConfiguredWatchesNothing() throws Exception {
        FakePluginContext context = Sheets.context(dir, Map.of());

        start(context);

        assertEquals(Map.of("csv", List.of()), context.watches);
    }

    @Test
    void aRefusedStartWatchesNothing() throws Exception {
        FakePluginContext context = Sheets.context(dir, settings(file("faq/nope.csv")));

        assertThrows(CsvSourceException.class, () -> start(context));

        assertEquals(Map.of(), context.watches);
    }

    @Test
    void articlesReadTheFilesAfreshOnEveryCall() throws Exception {
        Path faq = write(dir.resolve("faq.csv"), crlf("質問,回答", "Q1,A1"));
        CsvContentSource source = start(Sheets.context(dir, settings(file("faq.csv"))));
        assertEquals(1, source.articles().size());

        write(faq, crlf("質問,回答", "Q1,A1", "Q2,A2"));
        assertEquals(List.of("Q1", "Q2"), source.articles().stream().map(SourceArticle::title).collect(Collectors.toList()));

        Files.delete(faq);
        assertThrows(CsvSourceException.class, source::articles);
    }

    @Test
    void problemsNameTheRowsTheLastCallSkipped() throws Exception {
        Path faq = write(dir.resolve("faq.csv"), crlf("id,質問,回答", "1,Q1,A1", "1,Q2,A2"));
        CsvContentSource source = start(Sheets.context(dir, settings(file("faq.csv"))));
        assertEquals(1, source.articles().size());
        assertEquals(List.of("faq.csv row 3: id '1' is already used by faq.csv row 2; row skipped"), source.problems());

        write(faq, crlf("id,質問,回答", "1,Q1,A1", "2,Q2,A2"));
        assertEquals(2, source.articles().size());
        assertEquals(List.of(), source.problems(), "the fixed sheet has none");
    }
}
