package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled content-source plugins, loaded from their built jars into a real server: spreadsheet rows
 * (UTF-8 with BOM, Windows-31J, a quoted multi-line cell) and a Zendesk export are searched next to the
 * Markdown articles, keep their visibility, and follow changes to their files.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PluginSourcesIT {

    private static final Charset CP932 = Charset.forName("windows-31j");
    private static final String AGENT = KotaeServer.AGENT_TOKEN;

    private Path work;
    private KotaeServer server;
    private Path sources;

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        this.work = work;
        sources = Files.createDirectories(work.resolve("sources"));
        writeUtf8Csv(List.of());
        writeCp932Csv();
        writeZendeskExport(false);
        server = KotaeServer.withPlugins(work, config(true));
        server.awaitSearch("ダイヤモンド会員", null, ids -> ids.stream().anyMatch(id -> id.startsWith("csv:")));
        server.awaitSearch("origami", null, ids -> ids.contains("zendesk:9001"));
    }

    private PluginsConfig config(boolean zendeskEnabled) throws IOException {
        Path plugins = KotaeServer.pluginFolder(work, "source-csv.jar", "source-zendesk.jar");
        Map<String, Object> csv = Map.of("files", List.of(
                Map.of("path", "sources/faq-utf8.csv", "locale", "ja"),
                Map.of("path", "sources/faq-cp932.csv", "locale", "ja")));
        Map<String, Object> zendesk = zendeskEnabled
                ? Map.of("folder", "sources/zendesk")
                : Map.of("folder", "sources/zendesk", "enabled", false);
        return new PluginsConfig(plugins, Duration.ofSeconds(10),
                Map.of("source-csv", csv, "source-zendesk", zendesk), work);
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    @Order(1)
    void spreadsheetRowsAreSearchedNextToMarkdownArticles() {
        List<String> ids = server.searchIds("風呂敷", null);
        assertFalse(ids.isEmpty(), "the UTF-8 (BOM) row is found");
        String id = ids.get(0);
        assertTrue(id.startsWith("csv:"), id);

        JsonNode article = server.get("/api/v1/articles/" + id).json();
        assertEquals("風呂敷で包んでもらえますか？", article.get("title").asText(), "BOM not part of the first header");
        assertEquals("ラッピング", article.get("category").asText());
        assertEquals("ja", article.get("locale").asText());
        String html = article.get("html").asText();
        assertTrue(html.contains("和柄") && html.contains("<br>"), "multi-line cell kept its lines: " + html);
        assertTrue(html.contains("有料"), html);

        List<String> markdown = server.searchIds("返品", null);
        assertTrue(markdown.stream().anyMatch(m -> !m.contains(":")), "Markdown articles are still searched: " + markdown);
    }

    @Test
    @Order(1)
    void windows31jSpreadsheetIsDecoded() {
        // The Markdown page about member ranks may rank first; the spreadsheet row must be right behind.
        JsonNode hits = server.query("/api/v1/search", null, Map.of("q", "ダイヤモンド会員", "size", "3")).json().get("hits");
        JsonNode row = null;
        for (JsonNode hit : hits) {
            if (hit.get("id").asText().startsWith("csv:")) {
                row = hit;
                break;
            }
        }
        assertNotNull(row, "the spreadsheet row is among the top 3: " + hits);
        assertEquals("ダイヤモンド会員の特典は？", row.get("title").asText());
        String id = row.get("id").asText();
        String html = server.get("/api/v1/articles/" + id).json().get("html").asText();
        assertTrue(html.contains("送料") && html.contains("①"), "CP932-only characters survive: " + html);
    }

    @Test
    @Order(1)
    void internalSpreadsheetRowsReachAgentsOnly() {
        assertTrue(server.searchIds("承認フロー", null).stream().noneMatch(id -> id.startsWith("csv:")));
        assertTrue(server.suggestIds("返金処理の社内", null).stream().noneMatch(id -> id.startsWith("csv:")));
        List<String> agent = server.searchIds("承認フロー", AGENT);
        String internal = agent.stream().filter(id -> id.startsWith("csv:")).findFirst().orElseThrow(
                () -> new AssertionError("agent finds the internal row: " + agent));
        assertEquals(404, server.get("/api/v1/articles/" + internal).status());
        assertEquals(200, server.get("/api/v1/articles/" + internal, AGENT).status());
    }

    @Test
    @Order(1)
    void zendeskArticlesAreImportedWithTheirRules() {
        List<String> anonymous = server.query("/api/v1/search", null, Map.of("q", "origami", "locale", "en")).json()
                .get("hits").findValuesAsText("id");
        assertTrue(anonymous.contains("zendesk:9001"), anonymous.toString());
        assertFalse(anonymous.contains("zendesk:9002"), "drafts are skipped");
        assertFalse(anonymous.contains("zendesk:9003"), "segmented articles are internal");
        assertTrue(server.searchIds("origami", AGENT).contains("zendesk:9003"));
        assertEquals(404, server.get("/api/v1/articles/zendesk:9003").status());
        assertEquals(404, server.get("/api/v1/articles/zendesk:9002", AGENT).status());

        JsonNode article = server.get("/api/v1/articles/zendesk:9001").json();
        assertEquals("Gifts", article.get("category").asText());
        assertEquals("en", article.get("locale").asText());
        assertEquals(List.of("gift", "wrapping"), toList(article.get("tags")));
        assertEquals("2024-03-01", article.get("updated").asText());
        String html = article.get("html").asText();
        assertTrue(html.contains("<b>origami</b>"), html);
        assertFalse(html.contains("<script") || html.contains("onclick") || html.contains("javascript:")
                || html.contains("alert(1)"), "HTML from the export is sanitised: " + html);
    }

    @Test
    @Order(1)
    void adminStatusShowsEachPluginAndSource() {
        JsonNode csv = server.pluginStatus("source-csv");
        assertEquals("started", csv.get("state").asText(), csv.toString());
        JsonNode source = csv.get("sources").get(0);
        assertEquals("csv", source.get("sourceId").asText());
        assertEquals("ok", source.get("state").asText());
        assertEquals(4, source.get("articles").asInt(), source.toString());
        assertTrue(source.get("lastRefresh").asText().matches("\\d{4}-\\d\\d-\\d\\dT.*Z"), "ISO-8601: " + source);
        JsonNode zendesk = server.pluginStatus("source-zendesk");
        assertEquals(2, zendesk.get("sources").get(0).get("articles").asInt(), zendesk.toString());
    }

    @Test
    @Order(2)
    void changedFilesAreReindexed() throws Exception {
        writeUtf8Csv(List.of("金継ぎの修理は受け付けていますか？,はい、金継ぎ職人が修理します。,修理,金継ぎ,公開"));
        server.awaitSearch("金継ぎ", null, ids -> ids.stream().anyMatch(id -> id.startsWith("csv:")));

        writeZendeskExport(true);
        server.awaitSearch("bonsai", null, ids -> ids.contains("zendesk:9004"));
        server.awaitSearch("origami", null, ids -> !ids.contains("zendesk:9001"));
    }

    @Test
    @Order(3)
    void aMalformedSheetIsReportedByLineAndItsLastGoodRowsStayServed() throws Exception {
        writeUtf8Csv(List.of("金継ぎの修理は受け付けていますか？,はい、金継ぎ職人が修理します。,修理,金継ぎ,公開"));
        server.awaitSearch("金継ぎ", null, ids -> ids.stream().anyMatch(id -> id.startsWith("csv:")));

        // The two-line answer starting on line 5 lost its opening quote: read leniently, line 6 is a question.
        writeUtf8Csv(List.of("漆器の手入れは？,柔らかい布で拭きます。", "食洗機は使えません。, 熱湯も避けてください\""));
        await("the malformed sheet is reported with its line").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    JsonNode source = server.pluginStatus("source-csv").get("sources").get(0);
                    return source.get("state").asText().equals("failed")
                            && source.get("error").asText().contains("faq-utf8.csv");
                });
        JsonNode source = server.pluginStatus("source-csv").get("sources").get(0);
        assertTrue(source.get("error").asText().contains("not valid CSV: line 6: unbalanced quote"), source.toString());
        assertTrue(server.searchIds("金継ぎ", null).stream().anyMatch(id -> id.startsWith("csv:")),
                "the last good version of the sheet is still served");
        assertTrue(server.searchIds("食洗機", null).stream().noneMatch(id -> id.startsWith("csv:")),
                "no mangled row is published");

        writeUtf8Csv(List.of("金継ぎの修理は受け付けていますか？,はい、金継ぎ職人が修理します。,修理,金継ぎ,公開"));
        await("the fixed sheet is read again").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> server.pluginStatus("source-csv").get("sources").get(0).get("state").asText().equals("ok"));
    }

    @Test
    @Order(3)
    void aRowTheSheetSkipsIsListedUnderTheSourcesProblems() throws Exception {
        writeUtf8Csv(List.of("金継ぎの修理は受け付けていますか？,はい、金継ぎ職人が修理します。,修理,金継ぎ,限定公開"));
        await("the skipped row is listed").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> server.pluginStatus("source-csv").get("sources").get(0).get("problems").size() > 0);
        JsonNode problem = server.pluginStatus("source-csv").get("sources").get(0).get("problems").get(0);
        assertEquals("csv", problem.get("path").asText(), problem.toString());
        assertTrue(problem.get("message").asText().startsWith("sources/faq-utf8.csv row 4: unknown visibility '限定公開'"),
                problem.toString());
        server.awaitSearch("金継ぎ", null, ids -> ids.stream().noneMatch(id -> id.startsWith("csv:"))); // skipped

        writeUtf8Csv(List.of("金継ぎの修理は受け付けていますか？,はい、金継ぎ職人が修理します。,修理,金継ぎ,公開"));
        await("the fixed sheet has no problems").atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(100))
                .until(() -> server.pluginStatus("source-csv").get("sources").get(0).get("problems").isEmpty());
    }

    @Test
    @Order(4)
    void disablingAPluginRemovesItsArticlesAndSaysSo() throws Exception {
        server.stop();
        server = KotaeServer.withPlugins(work, config(false));
        server.awaitSearch("ダイヤモンド会員", null, ids -> ids.stream().anyMatch(id -> id.startsWith("csv:")));
        assertTrue(server.searchIds("bonsai", AGENT).stream().noneMatch(id -> id.startsWith("zendesk:")));
        JsonNode zendesk = server.pluginStatus("source-zendesk");
        assertEquals("disabled", zendesk.get("state").asText());
    }

    private static List<String> toList(JsonNode array) {
        List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** UTF-8 with a BOM, as Excel's "CSV UTF-8" saves it, with CRLF line ends and a quoted two-line cell. */
    private void writeUtf8Csv(List<String> extraRows) throws IOException {
        StringBuilder csv = new StringBuilder("\uFEFF質問,回答,カテゴリ,タグ,公開範囲\r\n")
                .append("風呂敷で包んでもらえますか？,\"はい、風呂敷包装は有料です。\r\n\"\"和柄\"\"の風呂敷を選べます。\",ラッピング,包装;ギフト,公開\r\n")
                .append("返金処理の社内承認フローは？,チームリーダーが承認します。,社内手順,返金,社内\r\n");
        extraRows.forEach(row -> csv.append(row).append("\r\n"));
        Path file = sources.resolve("faq-utf8.csv");
        Path temp = sources.resolve("faq-utf8.csv.tmp");
        Files.writeString(temp, csv.toString(), StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    /** Windows-31J, as Japanese Excel's plain "CSV" saves it: ① and ～ exist there but not in Shift_JIS proper. */
    private void writeCp932Csv() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes("質問,回答\r\n".getBytes(CP932));
        bytes.writeBytes("ダイヤモンド会員の特典は？,送料が無料です。①先行セール②ポイント２倍～\r\n".getBytes(CP932));
        bytes.writeBytes("ギフト券は使えますか？,はい、１回に３枚まで使えます。\r\n".getBytes(CP932));
        Files.write(sources.resolve("faq-cp932.csv"), bytes.toByteArray());
    }

    private void writeZendeskExport(boolean changed) throws IOException {
        Path folder = Files.createDirectories(sources.resolve("zendesk"));
        String origami = changed ? "" : """
                {"id": 9001, "title": "Gift wrapping with origami paper", "locale": "en-us",
                 "body": "<p>We wrap gifts in <b>origami</b> paper.</p><script>alert(1)</script><p onclick=\\"steal()\\">Tap</p><a href=\\"javascript:alert(2)\\">x</a>",
                 "label_names": ["gift", "wrapping"], "section_id": 10, "draft": false, "user_segment_id": null,
                 "updated_at": "2024-03-01T09:15:00Z", "html_url": "https://shop.zendesk.com/hc/en-us/articles/9001", "position": 0},
                """;
        String bonsai = !changed ? "" : """
                {"id": 9004, "title": "Bonsai shipping", "locale": "en-us", "body": "<p>Bonsai ship in spring.</p>",
                 "label_names": [], "section_id": 10, "draft": false, "user_segment_id": null,
                 "updated_at": "2024-04-01T00:00:00Z"},
                """;
        Files.writeString(folder.resolve("articles.json"), """
                {"articles": [
                """ + origami + bonsai + """
                {"id": 9002, "title": "Origami returns (draft)", "locale": "en-us", "body": "<p>origami returns</p>",
                 "label_names": [], "section_id": 10, "draft": true, "user_segment_id": null, "updated_at": "2024-03-02T00:00:00Z"},
                {"id": 9003, "title": "Origami escalation for VIP customers", "locale": "en-us",
                 "body": "<p>Agents escalate origami complaints to tier 2.</p>", "label_names": ["vip"], "section_id": 10,
                 "draft": false, "user_segment_id": 555, "updated_at": "2024-03-03T00:00:00Z"}
                ], "next_page": null, "count": 3}
                """);
        Files.writeString(folder.resolve("sections.json"), """
                {"sections": [{"id": 10, "name": "Gifts", "category_id": 1, "locale": "en-us"}]}
                """);
        Files.writeString(folder.resolve("categories.json"), """
                {"categories": [{"id": 1, "name": "Shop", "locale": "en-us"}]}
                """);
    }
}
