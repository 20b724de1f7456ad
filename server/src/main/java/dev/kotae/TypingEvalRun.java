package dev.kotae;

import dev.kotae.config.KotaeConfig;
import dev.kotae.relevance.TypingEvaluation;
import dev.kotae.relevance.TypingSet;
import dev.kotae.search.Audience;
import dev.kotae.search.SearchRequest;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SuggestService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The Japanese typing set ({@link TypingSet}) scored on a help center the way it is served: a whole
 * server is started over {@code content} (no HTTP port beyond 127.0.0.1, its index in a scratch data
 * folder deleted afterwards), and each query goes to the search and suggestions the JSON API calls, as
 * an anonymous caller on the Japanese site, so everything the server wires in (readings, synonyms)
 * counts. For {@code kotae eval}: it needs only the content folder, not the benchmarks.
 */
final class TypingEvalRun {

    private static final String LOCALE = "ja";
    private static final int DEPTH = 10;

    private TypingEvalRun() {}

    static TypingEvaluation.Result run(Path content) throws Exception {
        Path data = Files.createTempDirectory("kotae-typing-eval-");
        try (KotaeApp app = KotaeApp.start(KotaeConfig.defaults().withHost("127.0.0.1").withPort(0)
                .withContent(content).withData(data).withTokens(List.of()))) {
            return TypingEvaluation.run(TypingSet.load(),
                    text -> app.searchService().search(new SearchRequest(text, LOCALE, null, null, null, 1, DEPTH,
                            Audience.PUBLIC)).hits().stream().map(SearchResult.Hit::id).toList(),
                    text -> app.suggestService().suggest(text, LOCALE, TypingEvaluation.SUGGESTIONS, Audience.PUBLIC)
                            .suggestions().stream().map(SuggestService.Suggestion::id).toList());
        } finally {
            deleteTree(data);
        }
    }

    /** Deletes {@code root} and everything under it. */
    static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
