package dev.kotae.editing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ArticleType;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.content.Visibility;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ArticleFileTest {

    private static final Path SAMPLES = Path.of("../content");
    private final ArticleParser parser = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja");
    private final ArticleFile files = new ArticleFile(parser);

    static Stream<String> samples() throws Exception {
        try (Stream<Path> walk = Files.walk(SAMPLES)) {
            List<String> paths = walk.filter(p -> p.toString().endsWith(".md"))
                    .map(p -> SAMPLES.relativize(p).toString().replace('\\', '/')).sorted().toList();
            if (paths.size() < 60) {
                throw new AssertionError("expected the ~67 sample articles under " + SAMPLES.toAbsolutePath());
            }
            return paths.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void everySampleFileIsWrittenBackByteForByte(String path) throws Exception {
        byte[] original = Files.readAllBytes(SAMPLES.resolve(path));
        ArticleFile.Parsed parsed = files.read(original);

        byte[] written = files.write(parsed.article(), parsed.updated());

        assertEquals(new String(original, StandardCharsets.UTF_8), new String(written, StandardCharsets.UTF_8));
        assertArrayEquals(original, written);
    }

    @Test
    void theHouseStyle() {
        EditableArticle article = new EditableArticle("gift-wrap", "ギフト包装はできますか", ArticleType.FAQ,
                Visibility.PUBLIC, "ja", "注文", List.of("ギフト", "のし"), List.of("のしは付けられますか", "包んでほしい"),
                "gift-wrap", "はい、できます。\n\n## 料金\n\n無料です。\n\n\n");

        String text = new String(files.write(article, LocalDate.of(2026, 12, 5)), StandardCharsets.UTF_8);

        assertEquals("""
                ---
                id: gift-wrap
                title: ギフト包装はできますか
                type: faq
                visibility: public
                locale: ja
                category: 注文
                tags: [ギフト, のし]
                questions:
                  - のしは付けられますか
                  - 包んでほしい
                translationKey: gift-wrap
                updated: 2026-12-05
                ---
                はい、できます。

                ## 料金

                無料です。
                """, text);
    }

    static Stream<EditableArticle> hostile() {
        return Stream.of(
                article("Title: with a colon", "a: b", List.of("x, y", "[z]", "{w}"), List.of("what: now?", "#hash")),
                article("\"quoted\" and 'single'", "cat # comment", List.of("'", "\""), List.of("- dash", "? q")),
                article("*star", "&anchor", List.of("!tag", "%percent", "@at", "`tick`"), List.of("|pipe", ">fold")),
                article("yes", "no", List.of("true", "null", "~", "123", "1e3", "0x1F", "2026-01-01"), List.of("on", "off")),
                article("絵文字 🎁 と日本語「かぎ括弧」：全角コロン", "返品・返金", List.of("🎁", "日本語"), List.of("これは？ #タグ")),
                article("  padded  ", " lead space", List.of("trailing "), List.of(" both ")),
                article("---", "...", List.of("---", "..."), List.of("--- x")),
                article("back\\slash \\n", "tab\there", List.of("a\\b"), List.of("c:\\path")));
    }

    private static EditableArticle article(String title, String category, List<String> tags, List<String> questions) {
        return new EditableArticle("hostile-1", title, ArticleType.FAQ, Visibility.INTERNAL, "ja", category, tags,
                questions, null, "# Heading\n\n---\nid: not-front-matter\n---\n\n* list: item\n& not yaml #\n`code`");
    }

    @ParameterizedTest
    @MethodSource("hostile")
    void hostileValuesReadBackTheSame(EditableArticle article) throws Exception {
        byte[] bytes = files.write(article, LocalDate.of(2026, 12, 5));

        ArticleFile.Parsed back = files.read(bytes);

        assertEquals(article, back.article());
        assertEquals(LocalDate.of(2026, 12, 5), back.updated());
        Article served = parser.parse("ja/x/hostile-1.md", bytes, LocalDate.of(2000, 1, 1));
        assertEquals("hostile-1", served.id());
        assertEquals(article.title().strip(), served.title());
        assertFalse(served.text().contains("not-front-matter") && served.text().startsWith("id:"));
    }

    @Test
    void aBodyThatStartsLikeFrontMatterOrIsEmptyReadsBackTheSame() throws Exception {
        for (String body : List.of("---\nid: other\n---\ntext", "...\nmore", "", "\n\nafter blank lines", "末尾 ")) {
            EditableArticle article = new EditableArticle("edge", "Edge", null, null, null, "", null, null, null, body);
            byte[] bytes = files.write(article, null);
            assertEquals(article, files.read(bytes).article(), body);
            assertEquals("edge", parser.parse("en/edge.md", bytes, LocalDate.of(2026, 1, 1)).id());
        }
    }
}
