package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ArticleParserTest {

    private static final LocalDate FILE_DATE = LocalDate.of(2023, 3, 14);

    private final ArticleParser parser = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja");

    private Article parse(String path, String content) throws ContentException {
        return parser.parse(path, content.getBytes(StandardCharsets.UTF_8), FILE_DATE);
    }

    private ContentException rejects(String path, String content) {
        return assertThrows(ContentException.class, () -> parse(path, content));
    }

    @Test
    void frontMatterValuesAreUsed() throws Exception {
        Article article = parse("faq/anything.md", """
                ---
                id: refund-timing
                title: When is my refund paid?
                type: faq
                visibility: internal
                locale: en
                category: billing
                tags: [refund, payment]
                questions:
                  - How long does a refund take?
                  - When do I get my money back?
                updated: 2024-05-01
                ---
                Refunds are paid within **5 days**.
                """);

        assertEquals("refund-timing", article.id());
        assertEquals("When is my refund paid?", article.title());
        assertEquals(ArticleType.FAQ, article.type());
        assertEquals(Visibility.INTERNAL, article.visibility());
        assertEquals("en", article.locale());
        assertEquals("billing", article.category());
        assertEquals(List.of("refund", "payment"), article.tags());
        assertEquals(List.of("How long does a refund take?", "When do I get my money back?"), article.questions());
        assertEquals(LocalDate.of(2024, 5, 1), article.updated());
        assertEquals("content:faq/anything.md", article.source());
        assertTrue(article.html().contains("<strong>5 days</strong>"), article.html());
        assertEquals("Refunds are paid within 5 days.", article.text());
    }

    @Test
    void withoutFrontMatterFolderAndFileDefaultsApply() throws Exception {
        Article article = parse("faq/shipping-costs.md", "# Shipping costs\n\nShipping is free.\n");

        assertEquals("shipping-costs", article.id());
        assertEquals(ArticleType.FAQ, article.type());
        assertEquals(Visibility.PUBLIC, article.visibility());
        assertEquals("ja", article.locale()); // default locale: "faq" is not a locale folder
        assertEquals("", article.category());
        assertEquals(List.of(), article.tags());
        assertEquals(FILE_DATE, article.updated());
    }

    @Test
    void playbooksFolderMakesAnInternalPlaybook() throws Exception {
        Article article = parse("ja/playbooks/refund-escalation.md", "# 返金のエスカレーション\n\n上長に連絡します。\n");

        assertEquals(ArticleType.PLAYBOOK, article.type());
        assertEquals(Visibility.INTERNAL, article.visibility());
        assertEquals("ja", article.locale());
        assertEquals("refund-escalation", article.id());
    }

    @Test
    void explicitVisibilityOverridesThePlaybookDefault() throws Exception {
        Article article = parse("playbooks/open.md", "---\nvisibility: public\n---\n# Open playbook\n");

        assertEquals(ArticleType.PLAYBOOK, article.type());
        assertEquals(Visibility.PUBLIC, article.visibility());
    }

    @Test
    void explicitTypePlaybookIsInternalOutsidePlaybooksFolder() throws Exception {
        Article article = parse("faq/x.md", "---\ntype: playbook\n---\n# X\n");

        assertEquals(ArticleType.PLAYBOOK, article.type());
        assertEquals(Visibility.INTERNAL, article.visibility());
    }

    @Test
    void localeFolderSetsTheLocale() throws Exception {
        assertEquals("en", parse("en/orders/cancel.md", "# Cancel\n").locale());
        assertEquals("ja", parse("ja/orders/cancel.md", "# キャンセル\n").locale());
        // A folder named like a locale that is not configured is just a folder.
        assertEquals("ja", parse("fr/orders/cancel.md", "# Annuler\n").locale());
    }

    @Test
    void defaultLocaleIsUsedWhenNoFolderNamesOne() throws Exception {
        ArticleParser englishFirst = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "en");
        Article article = englishFirst.parse("orders/cancel.md", "# Cancel\n".getBytes(StandardCharsets.UTF_8),
                FILE_DATE);

        assertEquals("en", article.locale());
    }

    @Test
    void frontMatterLocaleOverridesFolder() throws Exception {
        assertEquals("en", parse("ja/x.md", "---\nlocale: en\n---\n# X\n").locale());
    }

    @Test
    void idDefaultsToFileNameWithoutExtension() throws Exception {
        assertEquals("how-to-cancel", parse("en/orders/how-to-cancel.md", "# How to cancel\n").id());
        assertEquals("top", parse("top.md", "# Top\n").id());
    }

    @Test
    void titleComesFromLeadingHeadingAndIsNotRepeatedInHtml() throws Exception {
        Article article = parse("en/cancel.md", "# Cancel an order\n\nOpen **Orders** and press Cancel.\n");

        assertEquals("Cancel an order", article.title());
        assertFalse(article.html().contains("<h1"), article.html());
        assertFalse(article.html().contains("Cancel an order"), article.html());
        assertTrue(article.html().contains("<strong>Orders</strong>"), article.html());
        assertFalse(article.text().contains("Cancel an order"), article.text());
    }

    @Test
    void leadingHeadingEqualToTitleIsDropped() throws Exception {
        Article article = parse("en/x.md", "---\ntitle: Same\n---\n# Same\n\nBody.\n");

        assertEquals("Same", article.title());
        assertFalse(article.html().contains("<h1"), article.html());
    }

    @Test
    void leadingHeadingDifferentFromTitleStaysInBody() throws Exception {
        Article article = parse("en/x.md", "---\ntitle: Front title\n---\n# Body heading\n\nBody.\n");

        assertEquals("Front title", article.title());
        assertTrue(article.html().contains("<h1"), article.html());
        assertTrue(article.html().contains("Body heading"), article.html());
    }

    @Test
    void titleFromHeadingKeepsInlineCode() throws Exception {
        Article article = parse("en/x.md", "# Reset the `admin` password\n\nBody.\n");

        assertEquals("Reset the admin password", article.title());
    }

    @Test
    void missingTitleIsRejected() {
        ContentException e = rejects("en/x.md", "Just a body without heading.\n");
        assertTrue(e.getMessage().contains("title"), e.getMessage());
    }

    @Test
    void unknownFrontMatterKeyIsRejectedByName() {
        ContentException e = rejects("playbooks/x.md", "---\nvisiblity: internal\n---\n# X\n");
        assertTrue(e.getMessage().contains("visiblity"), e.getMessage());
    }

    @Test
    void invalidYamlIsRejected() {
        rejects("x.md", "---\ntitle: \"unclosed\n---\n# X\n");
        rejects("x.md", "---\ntitle: a: b: c\n---\n# X\n");
        rejects("x.md", "---\njust a scalar\n---\n# X\n");
        rejects("x.md", "---\nupdated: 2024-13-45\n---\n# X\n");
    }

    @Test
    void unterminatedFrontMatterIsRejected() {
        ContentException e = rejects("x.md", "---\ntitle: Never closed\n\n# X\n\nBody\n");
        assertTrue(e.getMessage().contains("---"), e.getMessage());
    }

    @Test
    void invalidIdIsRejected() {
        ContentException e = rejects("x.md", "---\nid: bad id!\n---\n# X\n");
        assertTrue(e.getMessage().contains("bad id!"), e.getMessage());
        // A file name that is not a valid id, with no id: key.
        ContentException fromName = rejects("ja/返金.md", "# 返金\n");
        assertTrue(fromName.getMessage().contains("返金"), fromName.getMessage());
    }

    @Test
    void invalidTypeIsRejected() {
        ContentException e = rejects("x.md", "---\ntype: guide\n---\n# X\n");
        assertTrue(e.getMessage().contains("guide"), e.getMessage());
    }

    @Test
    void invalidVisibilityIsRejected() {
        ContentException e = rejects("x.md", "---\nvisibility: secret\n---\n# X\n");
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void invalidLocaleIsRejected() {
        rejects("x.md", "---\nlocale: Japanese!\n---\n# X\n");
    }

    @Test
    void nonUtf8BytesAreRejected() {
        byte[] shiftJis = "# 返金\n\n返金の方法\n".getBytes(Charset.forName("Shift_JIS"));
        ContentException e = assertThrows(ContentException.class, () -> parser.parse("ja/refund.md", shiftJis, FILE_DATE));
        assertTrue(e.getMessage().contains("UTF-8"), e.getMessage());
    }

    @Test
    void byteOrderMarkAndCrlfAreTolerated() throws Exception {
        String content = "\uFEFF---\r\ntitle: Hello\r\ntags: [a, b]\r\n---\r\nLine one\r\nline two\r\n\r\nSecond paragraph\r\n";
        Article article = parse("en/hello.md", content);

        assertEquals("Hello", article.title());
        assertEquals(List.of("a", "b"), article.tags());
        assertFalse(article.html().contains("\r"), article.html());
        assertFalse(article.html().contains("title:"), article.html());
        assertEquals("Line one line two\nSecond paragraph", article.text());
    }

    @Test
    void byteOrderMarkWithoutFrontMatterKeepsHeadingTitle() throws Exception {
        assertEquals("Hello", parse("en/hello.md", "\uFEFF# Hello\r\n\r\nBody\r\n").title());
    }

    @Test
    void singleStringTagsAndQuestionsBecomeOneElementLists() throws Exception {
        Article article = parse("ja/x.md", "---\ntags: 返金\nquestions: 返金はいつ?\n---\n# 返金\n");

        assertEquals(List.of("返金"), article.tags());
        assertEquals(List.of("返金はいつ?"), article.questions());
    }

    @Test
    void blankAndDuplicateTagsAreDropped() throws Exception {
        Article article = parse("x.md", "---\ntags: [' a ', '', a, b]\n---\n# X\n");

        assertEquals(List.of("a", "b"), article.tags());
    }

    @Test
    void emptyFrontMatterIsAllowed() throws Exception {
        Article article = parse("en/x.md", "---\n---\n# Title\n\nBody\n");

        assertEquals("Title", article.title());
        assertEquals("Body", article.text());
    }

    @Test
    void aKeyGivenTwiceIsRefusedRatherThanTheLastOneWinning() {
        ContentException e = rejects("faq/x.md", "---\nvisibility: internal\ntitle: X\nvisibility: public\n---\nBody\n");
        assertTrue(e.getMessage().contains("visibility"), e.getMessage());
    }

    @Test
    void idsOfDotsOrStartingWithADotAreRefusedAsTheEditorRefusesThem() {
        for (String id : List.of(".", "..", ".hidden")) {
            ContentException e = rejects("faq/x.md", "---\nid: \"" + id + "\"\ntitle: X\n---\nBody\n");
            assertTrue(e.getMessage().contains("not starting with '.'"), e.getMessage());
        }
    }

    @Test
    void controlCharactersInFrontMatterTextAreRefused() {
        // A NUL and a bell in a title were served as such in the page's <title> and JSON-LD.
        assertTrue(rejects("faq/x.md", "---\ntitle: \"a\\u0000\\u0007b\"\n---\nBody\n").getMessage()
                .startsWith("title must not contain control characters"));
        assertTrue(rejects("faq/x.md", "---\ntitle: X\nquestions: [\"ok\", \"bell\\u0007\"]\n---\nBody\n").getMessage()
                .startsWith("questions must not contain control characters"));
        assertTrue(rejects("faq/x.md", "---\ntitle: X\ntags: [\"\\uFFFE\"]\n---\nBody\n").getMessage()
                .startsWith("tags must be text"));
    }

    @Test
    void aTitleTakenFromTheLeadingHeadingMeetsTheSameRule() {
        assertTrue(rejects("faq/x.md", "# Bell\u0007 title\n\nBody\n").getMessage()
                .startsWith("title must not contain control characters"));
    }

    @Test
    void questionsTagsAndCategoryAreBoundedAsTheyAreShownAndSuggested() throws ContentException {
        String longest = "質".repeat(Article.MAX_QUESTION_LENGTH);
        assertEquals(List.of(longest), parse("faq/x.md", "---\ntitle: X\nquestions: [\"" + longest + "\"]\n---\nB\n")
                .questions(), "a question as long as a search is kept");
        assertTrue(rejects("faq/x.md", "---\ntitle: X\nquestions: [\"" + longest + "問\"]\n---\nB\n").getMessage()
                .endsWith("is longer than 1000 characters"));
        String many = String.join(", ", java.util.stream.IntStream.rangeClosed(0, Article.MAX_QUESTIONS)
                .mapToObj(i -> "\"q" + i + "\"").toList());
        assertEquals("more than 200 questions (201)",
                rejects("faq/x.md", "---\ntitle: X\nquestions: [" + many + "]\n---\nB\n").getMessage());
        assertTrue(rejects("faq/x.md", "---\ntitle: X\ntags: [\"" + "t".repeat(101) + "\"]\n---\nB\n").getMessage()
                .endsWith("is longer than 100 characters"));
        assertEquals("category is longer than 300 characters",
                rejects("faq/x.md", "---\ntitle: X\ncategory: " + "c".repeat(301) + "\n---\nB\n").getMessage());
    }

    @Test
    void aTitleOfNothingVisibleIsRefused() {
        for (String invisible : List.of("\u200B", "\u0301\u0301", "\uFEFF \u200B")) {
            assertTrue(rejects("faq/x.md", "---\ntitle: \"" + invisible + "\"\n---\nBody\n").getMessage()
                    .startsWith("title must contain a letter, digit or sign"), invisible);
        }
    }
}
