package dev.kotae.source.zendesk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.SourceArticle;
import dev.kotae.plugin.Visibility;
import dev.kotae.source.zendesk.ZendeskExport.Article;
import dev.kotae.source.zendesk.ZendeskExport.ArticleEntry;
import dev.kotae.source.zendesk.ZendeskExport.Category;
import dev.kotae.source.zendesk.ZendeskExport.Section;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleMapperTest {

    private static final ZendeskSettings SETTINGS = new ZendeskSettings(null, "x", null, null);

    private static Article article(Long id, String title, String locale, String sourceLocale) {
        return new Article(id, title, "<p>body</p>", locale, sourceLocale, null, null, false, null, null, null);
    }

    private static ArticleMapper.Result map(List<Article> articles, List<Section> sections, List<Category> categories,
            ZendeskSettings settings) {
        List<ArticleEntry> entries = new ArrayList<>();
        for (int i = 0; i < articles.size(); i++) {
            entries.add(new ArticleEntry("articles.json, article " + (i + 1), articles.get(i)));
        }
        return new ArticleMapper(settings).map(new ZendeskExport(entries, sections, categories, List.of()));
    }

    private static ArticleMapper.Result map(Article... articles) {
        return map(List.of(articles), List.of(), List.of(), SETTINGS);
    }

    private static List<String> ids(ArticleMapper.Result result) {
        return result.articles().stream().map(SourceArticle::id).toList();
    }

    @Test
    void missingIdOrTitleSkipsOnlyThatArticle() {
        ArticleMapper.Result result = map(
                article(null, "No id", "ja", "ja"),
                article(2L, "  ", "ja", "ja"),
                article(3L, "Kept", "ja", "ja"));

        assertEquals(List.of("3"), ids(result));
        assertEquals(List.of("articles.json, article 1 has no id; skipped",
                "articles.json, article 2 (id 2) has no title; skipped"), result.warnings());
    }

    @Test
    void draftsAreCountedNotWarned() {
        Article draft = new Article(1L, "Draft", "", "ja", "ja", null, null, true, null, null, null);

        ArticleMapper.Result result = map(draft, article(2L, "Published", "ja", "ja"));

        assertEquals(List.of("2"), ids(result));
        assertEquals(1, result.drafts());
        assertEquals(List.of(), result.warnings());
    }

    @Test
    void translationsGetTheirLocaleAsSuffix() {
        ArticleMapper.Result result = map(
                article(10L, "英語版", "en-us", "ja"), // translation listed before its original
                article(10L, "日本語版", "ja", "ja"),
                article(10L, "Versão", "pt-BR", "ja"));

        assertEquals(List.of("10.en-us", "10", "10.pt-br"), ids(result));
        assertEquals(List.of("en", "ja", "pt"), result.articles().stream().map(SourceArticle::locale).toList());
    }

    @Test
    void withoutSourceLocaleTheSecondTranslationIsSuffixed() {
        ArticleMapper.Result result = map(article(10L, "日本語", "ja", null), article(10L, "English", "en-us", null));

        assertEquals(List.of("10", "10.en-us"), ids(result));
    }

    @Test
    void theSameTranslationTwiceKeepsTheFirst() {
        ArticleMapper.Result result = map(article(10L, "First", "ja", "ja"), article(10L, "Second", "JA", "ja"));

        assertEquals(List.of("First"), result.articles().stream().map(SourceArticle::title).toList());
        assertEquals(1, result.warnings().size());
        assertTrue(result.warnings().get(0).contains("appears twice"), result.warnings().get(0));
    }

    @Test
    void anyUserSegmentMakesTheArticleInternal() {
        Article legacySegment = new Article(1L, "A", "", "ja", "ja", null, null, false, 77L, null, null);
        Article segmentList = new Article(2L, "B", "", "ja", "ja", null, null, false, null, List.of(77L), null);
        Article everyone = new Article(3L, "C", "", "ja", "ja", null, null, null, null, List.of(), null);

        ArticleMapper.Result result = map(legacySegment, segmentList, everyone);

        assertEquals(List.of(Visibility.INTERNAL, Visibility.INTERNAL, Visibility.PUBLIC),
                result.articles().stream().map(SourceArticle::visibility).toList());
    }

    @Test
    void updatedAtBecomesTheUtcDate() {
        Article tokyoMorning = new Article(1L, "A", "", "ja", "ja", null, null, false, null, null,
                "2024-03-01T08:00:00+09:00");
        Article lateUtc = new Article(2L, "B", "", "ja", "ja", null, null, false, null, null, "2024-03-01T23:59:59Z");
        Article garbage = new Article(3L, "C", "", "ja", "ja", null, null, false, null, null, "yesterday");

        ArticleMapper.Result result = map(tokyoMorning, lateUtc, garbage);

        assertEquals(LocalDate.of(2024, 2, 29), result.articles().get(0).updated());
        assertEquals(LocalDate.of(2024, 3, 1), result.articles().get(1).updated());
        assertNull(result.articles().get(2).updated());
        assertEquals(List.of("articles.json, article 3 has an unreadable updated_at 'yesterday'; the date is left out"),
                result.warnings());
    }

    @Test
    void bodyAndTitleAreTrimmedAndNullBodyIsEmpty() {
        Article article = new Article(1L, "  Title  ", null, "ja", "ja", List.of(" a ", "a", "b"), null, false,
                null, null, null);

        SourceArticle mapped = map(article).articles().get(0);

        assertEquals("Title", mapped.title());
        assertEquals("", mapped.body());
        assertEquals(List.of("a", "b"), mapped.tags());
    }

    @Test
    void sectionNamesFollowTheArticleLocaleAndFallBack() {
        List<Section> sections = List.of(
                new Section(5L, "配送", 9L, "ja"),
                new Section(5L, "Shipping", 9L, "en-us"));
        List<Category> categories = List.of(new Category(9L, "ご注文", "ja"));
        Article english = new Article(1L, "A", "", "en-us", "en-us", null, 5L, false, null, null, null);
        Article french = new Article(2L, "B", "", "fr", "fr", null, 5L, false, null, null, null);
        Article unknownSection = new Article(3L, "C", "", "ja", "ja", null, 6L, false, null, null, null);

        List<Article> articles = List.of(english, french, unknownSection);
        ArticleMapper.Result bySection = map(articles, sections, categories, SETTINGS);
        ArticleMapper.Result byCategory = map(articles, sections, categories,
                new ZendeskSettings(null, "x", null, ZendeskSettings.CategoryFrom.CATEGORY));

        assertEquals(List.of("Shipping", "配送"),
                bySection.articles().subList(0, 2).stream().map(SourceArticle::category).toList());
        assertNull(bySection.articles().get(2).category());
        // Only a Japanese category name was exported: it is used for the English article too.
        assertEquals(List.of("ご注文", "ご注文"),
                byCategory.articles().subList(0, 2).stream().map(SourceArticle::category).toList());
        assertNull(byCategory.articles().get(2).category());
    }
}
