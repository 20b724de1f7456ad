package dev.kotae.relevance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.content.Visibility;
import dev.kotae.relevance.TypingSet.Kind;
import dev.kotae.relevance.TypingSet.Query;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The bundled typing set is what issue 27 asks for, and each line is written the way its kind says. */
class TypingSetTest {

    private static final Pattern HIRAGANA = Pattern.compile("[\\p{IsHiragana}ー ]+");
    private static final Pattern KATAKANA = Pattern.compile("[\\u30A0-\\u30FF ]+");
    private static final Pattern HALFWIDTH_KANA = Pattern.compile("[\\uFF66-\\uFF9F]");
    private static final Pattern ROMAJI = Pattern.compile("[a-z ]+");
    /** Spellings only Hepburn uses: a kunrei line with one of them is mislabelled. */
    private static final Pattern HEPBURN_ONLY = Pattern.compile("shi|chi|tsu|fu|j|sh|ch");
    /** Spellings only kunrei uses (hu, but not the hu of chu and shu). */
    private static final Pattern KUNREI_ONLY = Pattern.compile("si|ti|tu|(?<![cs])hu|zy|sy|ty");
    private static final Pattern KANA = Pattern.compile("[\\p{IsHiragana}]");
    private static final Pattern WRITTEN = Pattern.compile("[\\p{IsHan}\\p{IsKatakana}]");

    @Test
    void atLeast150CountedQueriesOverEveryKindWithAtLeast25InRomaji() throws Exception {
        List<Query> set = TypingSet.load();
        List<Query> counted = set.stream().filter(q -> q.kind().counted()).toList();
        Map<Kind, Long> perKind = counted.stream().collect(Collectors.groupingBy(Query::kind, Collectors.counting()));
        assertTrue(counted.size() >= 150, "only " + counted.size() + " counted queries");
        assertTrue(counted.stream().filter(q -> q.kind().romaji()).count() >= 25, "too few romaji queries: " + perKind);
        for (Kind kind : Kind.values()) {
            assertTrue(!kind.counted() || perKind.getOrDefault(kind, 0L) >= 10, "fewer than 10 " + kind + ": " + perKind);
        }
        Map<String, Long> texts = set.stream().collect(Collectors.groupingBy(Query::text, Collectors.counting()));
        texts.values().removeIf(n -> n == 1);
        assertEquals(Map.of(), texts, "queries listed twice");
    }

    @Test
    void everyExpectedArticleIsAPublicJapaneseArticleOfTheSample() throws Exception {
        Map<String, Article> articles = sampleArticles();
        Set<String> answered = new java.util.HashSet<>();
        for (Query query : TypingSet.load()) {
            Article article = articles.get(query.expected());
            assertTrue(article != null, "no article " + query.expected() + " for " + query);
            assertEquals(Visibility.PUBLIC, article.visibility(), "an anonymous search cannot find " + query);
            assertEquals("ja", article.locale(), query.toString());
            answered.add(query.expected());
        }
        Set<String> unanswered = articles.values().stream()
                .filter(a -> a.locale().equals("ja") && a.visibility() == Visibility.PUBLIC)
                .map(Article::id).filter(id -> !answered.contains(id)).collect(Collectors.toSet());
        assertEquals(Set.of(), unanswered, "public Japanese articles no query asks for");
    }

    @Test
    void eachQueryIsWrittenInTheScriptOfItsKind() throws Exception {
        Map<Kind, Function<String, Boolean>> rules = Map.of(
                Kind.HIRAGANA, text -> HIRAGANA.matcher(text).matches(),
                Kind.KATAKANA, text -> KATAKANA.matcher(text).matches(),
                Kind.HALFWIDTH, text -> HALFWIDTH_KANA.matcher(text).find(),
                Kind.ROMAJI_HEPBURN, text -> ROMAJI.matcher(text).matches() && !KUNREI_ONLY.matcher(text).find(),
                Kind.ROMAJI_KUNREI, text -> ROMAJI.matcher(text).matches() && !HEPBURN_ONLY.matcher(text).find(),
                Kind.MIXED, text -> KANA.matcher(text).find() && WRITTEN.matcher(text).find(),
                Kind.SYNONYM, text -> true);
        List<Query> wrong = new ArrayList<>();
        for (Query query : TypingSet.load()) {
            if (!rules.get(query.kind()).apply(query.text()) || query.written().equals(query.text())) {
                wrong.add(query);
            }
        }
        assertEquals(List.of(), wrong, "not written as their kind says (or the written form is the same text)");
    }

    @Test
    void aLineWithAnUnknownKindOrMissingColumnsIsRefusedByNumber() {
        IllegalArgumentException kind = assertThrows(IllegalArgumentException.class,
                () -> TypingSet.parse("# header\nへんきん\thiragena\trefund-timing\t返金\n"));
        assertTrue(kind.getMessage().contains("line 2") && kind.getMessage().contains("hiragena"), kind.getMessage());
        IllegalArgumentException columns = assertThrows(IllegalArgumentException.class,
                () -> TypingSet.parse("へんきん\thiragana\trefund-timing\n"));
        assertTrue(columns.getMessage().contains("line 1"), columns.getMessage());
        assertEquals(List.of(new Query("ﾍﾝｷﾝ", Kind.HALFWIDTH, "refund-timing", "返金", "")),
                TypingSet.parse("\nﾍﾝｷﾝ\thalfwidth\trefund-timing\t返金\n"));
    }

    private static Map<String, Article> sampleArticles() throws Exception {
        Path content = Path.of(System.getProperty("kotae.content", "../content"));
        ArticleParser parser = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja");
        Map<String, Article> articles = new HashMap<>();
        try (Stream<Path> files = Files.walk(content)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".md")).toList()) {
                Article article = parser.parse(content.relativize(file).toString(), Files.readAllBytes(file),
                        LocalDate.of(2026, 1, 1));
                articles.put(article.id(), article);
            }
        }
        assertTrue(articles.size() > 30, "sample content not found at " + content.toAbsolutePath());
        return articles;
    }
}
