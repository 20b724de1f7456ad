package dev.kotae.source.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.ArticleType;
import dev.kotae.plugin.BodyFormat;
import dev.kotae.plugin.SourceArticle;
import dev.kotae.plugin.Visibility;
import dev.kotae.plugin.testkit.FakePluginContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ZendeskContentSourceTest {

    @TempDir
    Path base;

    private final ZendeskContentSource source = new ZendeskContentSource();

    @AfterEach
    void stop() {
        source.stop();
    }

    private FakePluginContext context(Map<String, Object> settings) {
        return new FakePluginContext(ZendeskContentSource.PLUGIN_ID, base).withSettings(settings);
    }

    private FakePluginContext start(Map<String, Object> settings) throws Exception {
        FakePluginContext context = context(settings);
        source.start(context);
        return context;
    }

    private FakePluginContext startOnSample(Map<String, Object> extraSettings) throws Exception {
        TestFiles.copySampleExport(base.resolve("exports/zendesk"));
        Map<String, Object> settings = new LinkedHashMap<>(Map.of("folder", "exports/zendesk"));
        settings.putAll(extraSettings);
        return start(settings);
    }

    private Map<String, SourceArticle> articlesById() throws Exception {
        return source.articles().stream()
                .collect(Collectors.toMap(SourceArticle::id, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    @Test
    void sampleExportMapsToKotaeArticles() throws Exception {
        startOnSample(Map.of());

        Map<String, SourceArticle> articles = articlesById();

        // The draft 360041000014 is left out; the English translation of 360041000011 gets its own id.
        assertEquals(List.of("360041000011", "360041000011.en-us", "360041000012", "360041000013",
                "360041000015", "360041000016"), List.copyOf(articles.keySet()));
        assertEquals("zendesk", source.sourceId());

        SourceArticle password = articles.get("360041000011");
        assertEquals("パスワードを忘れた場合", password.title());
        assertEquals("ja", password.locale());
        assertEquals("アカウント", password.category());
        assertEquals(List.of("パスワード", "ログイン"), password.tags());
        assertEquals(Visibility.PUBLIC, password.visibility());
        assertEquals(ArticleType.FAQ, password.type());
        assertEquals(BodyFormat.HTML, password.bodyFormat());
        assertTrue(password.body().startsWith("<p>ログイン画面の"), password.body());
        assertEquals(LocalDate.of(2024, 3, 1), password.updated());
        assertNull(password.questions());

        SourceArticle passwordEn = articles.get("360041000011.en-us");
        assertEquals("I forgot my password", passwordEn.title());
        assertEquals("en", passwordEn.locale());
        assertEquals("Your account", passwordEn.category()); // the section's English name
        assertEquals(List.of("password", "login"), passwordEn.tags());

        // Blank labels are dropped.
        assertEquals(List.of("送料", "配送"), articles.get("360041000012").tags());
        assertEquals("配送", articles.get("360041000012").category());

        // Outdated translations are still published by Zendesk, so they are kept.
        assertEquals("Shipping & delivery", articles.get("360041000013").category());

        SourceArticle staffOnly = articles.get("360041000015");
        assertEquals(Visibility.INTERNAL, staffOnly.visibility());
        assertEquals("【スタッフ向け】配送事故の補償手続き", staffOnly.title());

        // Script and event handler are passed through untouched: the server sanitises HTML bodies.
        SourceArticle email = articles.get("360041000016");
        assertEquals(BodyFormat.HTML, email.bodyFormat());
        assertTrue(email.body().startsWith("<p onclick=\"alert('clicked')\">"), email.body());
        assertTrue(email.body().endsWith("<script>alert(1)</script>"), email.body());
        assertEquals(LocalDate.of(2024, 2, 29), email.updated());
    }

    @Test
    void readsEveryArticlesPage() throws Exception {
        Path folder = base.resolve("export");
        TestFiles.write(folder, "articles.json", """
                {"articles": [{"id": 1, "title": "Page one", "body": "<p>1</p>", "locale": "en-us"}],
                 "next_page": "https://example.zendesk.com/api/v2/help_center/en-us/articles.json?page=2",
                 "page": 1, "page_count": 2}
                """);
        TestFiles.write(folder, "articles-2.json", """
                {"articles": [{"id": 2, "title": "Page two", "body": "<p>2</p>", "locale": "en-us"},
                              {"id": 3, "title": "Also page two", "body": "<p>3</p>", "locale": "en-us"}],
                 "next_page": null, "page": 2, "page_count": 2}
                """);
        start(Map.of("folder", folder.toString()));

        List<SourceArticle> articles = source.articles();

        assertEquals(List.of("1", "2", "3"), articles.stream().map(SourceArticle::id).toList());
        assertEquals(List.of("Page one", "Page two", "Also page two"),
                articles.stream().map(SourceArticle::title).toList());
        assertNull(articles.get(0).category()); // no sections.json
    }

    @Test
    void localeMappingOverridesThePrimarySubtagRule() throws Exception {
        startOnSample(Map.of("locales", Map.of("en-US", "en-us")));

        Map<String, SourceArticle> articles = articlesById();

        assertEquals("en-us", articles.get("360041000013").locale()); // mapped (keys are case-insensitive)
        assertEquals("ja", articles.get("360041000012").locale()); // not mapped: primary subtag
    }

    @Test
    void categoryFromCategoryUsesTheZendeskCategoryName() throws Exception {
        startOnSample(Map.of("categoryFrom", "category"));

        Map<String, SourceArticle> articles = articlesById();

        assertEquals("アカウントと会員登録", articles.get("360041000011").category());
        assertEquals("Account & membership", articles.get("360041000011.en-us").category());
        assertEquals("ご注文と配送", articles.get("360041000012").category());
        assertEquals("Orders & shipping", articles.get("360041000013").category());
    }

    @Test
    void startAsksTheServerToWatchTheExportFolder() throws Exception {
        FakePluginContext context = startOnSample(Map.of());

        assertEquals(Map.of("zendesk", List.of(base.resolve("exports/zendesk").toAbsolutePath())), context.watches);
        assertEquals(List.of(), context.changedSources, "the server, not the plugin, reports changes");
    }

    @Test
    void customSourceIdIsUsedForTheWatch() throws Exception {
        FakePluginContext context = startOnSample(Map.of("sourceId", "help-center"));

        assertEquals("help-center", source.sourceId());
        assertEquals(Map.of("help-center", List.of(base.resolve("exports/zendesk").toAbsolutePath())),
                context.watches);
    }

    @Test
    void absoluteFolderIsWatchedResolvedAndNormalised() throws Exception {
        Path elsewhere = TestFiles.copySampleExport(base.resolve("elsewhere/zendesk"));

        FakePluginContext context = start(Map.of("folder", elsewhere.toString() + "/./"));

        assertEquals(Map.of("zendesk", List.of(elsewhere.toAbsolutePath())), context.watches);
    }

    @Test
    void malformedFileFailsWithItsName() throws Exception {
        startOnSample(Map.of());
        TestFiles.write(base.resolve("exports/zendesk"), "articles-2.json", "{\"articles\": [{\"id\": 7,");

        IOException error = assertThrows(IOException.class, source::articles);

        assertTrue(error.getMessage().contains("malformed JSON"), error.getMessage());
        assertTrue(error.getMessage().contains("articles-2.json"), error.getMessage());
    }

    @Test
    void malformedSectionsFileFailsWithItsName() throws Exception {
        startOnSample(Map.of());
        TestFiles.write(base.resolve("exports/zendesk"), "sections.json", "[1, 2, 3]");

        IOException error = assertThrows(IOException.class, source::articles);

        assertTrue(error.getMessage().contains("sections.json"), error.getMessage());
        assertTrue(error.getMessage().contains("\"sections\" array"), error.getMessage());
    }

    @Test
    void missingFolderStopsStart() {
        FakePluginContext context = context(Map.of("folder", "exports/nowhere"));

        IllegalStateException error = assertThrows(IllegalStateException.class, () -> source.start(context));

        assertTrue(error.getMessage().contains(base.resolve("exports/nowhere").toString()), error.getMessage());
        assertTrue(error.getMessage().contains("does not exist"), error.getMessage());
        assertEquals(Map.of(), context.watches, "nothing to watch when start fails");
    }

    @Test
    void unknownSettingStopsStart() throws IOException {
        TestFiles.copySampleExport(base.resolve("export"));
        FakePluginContext context = context(Map.of("folder", "export", "foldr", "typo"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.start(context));

        assertTrue(error.getMessage().contains("foldr"), error.getMessage());
        assertEquals(Map.of(), context.watches);
    }

    @Test
    void badSettingValueStopsStart() throws IOException {
        TestFiles.copySampleExport(base.resolve("export"));
        FakePluginContext context = context(Map.of("folder", "export", "categoryFrom", "label"));

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> source.start(context));

        assertTrue(error.getMessage().contains("categoryFrom must be 'section' or 'category', not 'label'"),
                error.getMessage());
    }

    @Test
    void folderWithoutArticlesFailsInsteadOfEmptyingTheSource() throws Exception {
        Files.createDirectories(base.resolve("empty"));
        start(Map.of("folder", "empty"));

        IOException error = assertThrows(IOException.class, source::articles);

        assertTrue(error.getMessage().contains("no articles*.json"), error.getMessage());
    }

    @Test
    void changedExportIsRereadOnTheNextRefresh() throws Exception {
        startOnSample(Map.of());
        Path articlesFile = base.resolve("exports/zendesk/articles.json");
        assertEquals(6, source.articles().size());

        String edited = Files.readString(articlesFile)
                .replace("\"title\": \"送料とお届けまでの日数\"", "\"title\": \"送料とお届け日数（改訂）\"");
        Files.writeString(articlesFile, edited);

        assertEquals("送料とお届け日数（改訂）", articlesById().get("360041000012").title());
    }

    @Test
    void problemsNameTheEntriesTheLastCallSkipped() throws Exception {
        startOnSample(Map.of());
        Path articlesFile = base.resolve("exports/zendesk/articles.json");
        assertEquals(6, source.articles().size());
        assertEquals(List.of(), source.problems());

        String untitled = Files.readString(articlesFile)
                .replace("\"title\": \"送料とお届けまでの日数\"", "\"title\": \"\"");
        Files.writeString(articlesFile, untitled);
        assertEquals(5, source.articles().size());
        assertEquals(1, source.problems().size(), source.problems().toString());
        assertTrue(source.problems().get(0).contains("(id 360041000012) has no title; skipped"), source.problems().toString());
    }

    @Test
    void deletedPageIsNoticedOnTheNextRefresh() throws Exception {
        startOnSample(Map.of());
        TestFiles.write(base.resolve("exports/zendesk"), "articles-2.json", """
                {"articles": [{"id": 99, "title": "New", "body": "", "locale": "ja"}]}
                """);
        assertTrue(articlesById().containsKey("99"));

        Files.delete(base.resolve("exports/zendesk/articles-2.json"));

        assertEquals(6, source.articles().size());
    }

    @Test
    void articlesBeforeStartFails() {
        assertThrows(IllegalStateException.class, source::articles);
    }
}
