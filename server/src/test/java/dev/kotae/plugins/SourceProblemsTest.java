package dev.kotae.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ContentProblem;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.SuggestKeys;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a source says it skipped ({@link ContentSource#problems()}) is listed under its problems in admin
 * status, bounded, beside the server's own findings; a failing {@code problems()} costs nothing else.
 */
class SourceProblemsTest {

    @TempDir
    Path folder;

    @Test
    void theSourcesOwnLinesAreListedFirstUnderItsId() throws Exception {
        List<ContentProblem> problems = problemsAfterRefresh(
                () -> List.of("faq.csv row 4: id '1' is already used by faq.csv row 2; row skipped"));
        assertEquals(List.of(
                new ContentProblem("s", "faq.csv row 4: id '1' is already used by faq.csv row 2; row skipped"),
                new ContentProblem("s:twice", "duplicate id: the first article with this id is served")), problems);
    }

    @Test
    void aFloodOfLinesIsCutToAHundredAndEachToFiveHundredCharacters() throws Exception {
        List<ContentProblem> problems = problemsAfterRefresh(
                () -> IntStream.range(0, 10_000).mapToObj(i -> "row " + i + " " + "x".repeat(2_000)).toList());
        assertEquals(SourceSync.MAX_SOURCE_PROBLEMS + 2, problems.size(), "100 lines, the note, the server's own");
        assertTrue(problems.get(0).message().startsWith("row 0 xxx"), problems.get(0).message());
        assertEquals(SourceSync.MAX_PROBLEM_CHARS, problems.get(0).message().length(), "cut");
        assertTrue(problems.get(0).message().endsWith("x…"), "with an ellipsis");
        assertTrue(problems.get(SourceSync.MAX_SOURCE_PROBLEMS).message().startsWith("more problems than the 100"),
                problems.get(SourceSync.MAX_SOURCE_PROBLEMS).message());
    }

    @Test
    void aFailingProblemsCallIsTheOneLineAndTheArticlesAreServed() throws Exception {
        List<ContentProblem> problems = problemsAfterRefresh(() -> {
            throw new IllegalStateException("broken");
        });
        assertEquals("problems() failed: java.lang.IllegalStateException: broken", problems.get(0).message());
        assertEquals(2, problems.size(), problems.toString());
    }

    /** Refreshes one source listing an article, and the same id twice, whose problems() is {@code lines}. */
    private List<ContentProblem> problemsAfterRefresh(Supplier<List<String>> lines) throws Exception {
        ContentSource source = new ContentSource() {
            @Override
            public String sourceId() {
                return "s";
            }

            @Override
            public List<SourceArticle> articles() {
                SourceArticle twice = SourceArticle.builder().id("twice").title("Twice").body("Body").locale("en").build();
                return List.of(twice, twice);
            }

            @Override
            public List<String> problems() {
                return lines.get();
            }
        };
        try (ArticleIndex index = ArticleIndex.open(folder.resolve("index"), new Analysis(),
                        new ArticleDocuments(new SuggestKeys()), "test");
                TimeBox timeBox = new TimeBox(Duration.ofSeconds(30));
                SourceSync sync = new SourceSync(index, new SourceArticles(new MarkdownRenderer(), Set.of("en"), "en"),
                        timeBox, new KotaeMetrics())) {
            sync.add("test-plugin", "s", source, getClass().getClassLoader());
            sync.refreshAllSoon();
            Awaitility.await("the source refreshed").atMost(Duration.ofSeconds(30))
                    .until(() -> sync.statusByPlugin().get("test-plugin").get(0).state().equals("ok"));
            assertEquals(1, index.entries().size(), "the article is served");
            return sync.statusByPlugin().get("test-plugin").get(0).problems();
        }
    }
}
