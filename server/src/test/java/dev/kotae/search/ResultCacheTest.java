package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.IndexView;
import dev.kotae.index.SuggestKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The result cache keeps within its bound, and what it estimates is what the results hold. */
class ResultCacheTest {

    @TempDir
    Path folder;

    private ArticleIndex index;
    private IndexView view;

    @BeforeEach
    void openEmptyIndex() throws Exception {
        index = ArticleIndex.open(folder.resolve("index"), new Analysis(), new ArticleDocuments(new SuggestKeys()),
                "test");
        view = index.acquire();
    }

    @AfterEach
    void close() throws Exception {
        index.release(view);
        index.close();
    }

    @Test
    void keepsWithinItsBoundAndAnswersWhatItKept() throws Exception {
        long bound = 256 * 1024;
        ResultCache cache = new ResultCache(bound);
        AtomicInteger computed = new AtomicInteger();
        int results = 200;
        for (int i = 0; i < results; i++) {
            SearchRequest request = request("query " + i);
            cache.get(view, request, 0, () -> {
                computed.incrementAndGet();
                return result(request.query());
            });
        }
        int oneResult = ResultCache.weight(request("query 0"), result("query 0"));
        assertTrue(oneResult > 5_000 && oneResult < 20_000, "ten hits with snippets and facets: " + oneResult);
        assertTrue(cache.bytes() <= bound, cache.bytes() + " bytes kept, bound " + bound);
        assertTrue(cache.size() < results && cache.size() >= bound / oneResult / 2,
                cache.size() + " results kept of " + results);

        assertEquals(results, computed.get(), "every distinct search was computed once");

        // A full cache admits a newcomer only once it is asked more often than what it would evict
        // (TinyLFU): the popular searches stay when one-off ones stream through.
        SearchRequest popular = request("popular");
        int asked = 0;
        long hits = cache.hits();
        while (cache.hits() == hits && asked < 10) {
            cache.get(view, popular, 0, () -> result("popular"));
            asked++;
        }
        assertTrue(cache.hits() > hits, "a search asked " + asked + " times is kept");
        assertTrue(cache.bytes() <= bound, cache.bytes() + " bytes kept, bound " + bound);
    }

    @Test
    void aRepeatIsAnsweredAsKept() throws Exception {
        ResultCache cache = new ResultCache(8L << 20);
        SearchRequest request = request("返金");
        SearchResult first = cache.get(view, request, 0, () -> result("返金"));
        assertSame(first, cache.get(view, request, 0, () -> result("computed again")));
        assertEquals(1, cache.hits());
        assertEquals(1, cache.misses());
        SearchRequest agents = new SearchRequest("返金", "ja", null, null, null, 1, 10, Audience.AGENTS);
        assertNotSame(first, cache.get(view, agents, 0, () -> result("返金")), "another audience is another entry");
        assertNotSame(first, cache.get(view, request, 1, () -> result("返金")),
                "another synonym set is another entry: an edit of synonyms.txt shows at once");
    }

    @Test
    void keepsNothingWhenOff() throws Exception {
        ResultCache off = new ResultCache(0);
        AtomicInteger computed = new AtomicInteger();
        for (int i = 0; i < 3; i++) {
            off.get(view, request("same"), 0, () -> {
                computed.incrementAndGet();
                return result("same");
            });
        }
        assertEquals(3, computed.get());
        assertEquals(0, off.size());
        assertEquals(0, off.hits() + off.misses(), "an off cache counts nothing");
    }

    private static SearchRequest request(String query) {
        return new SearchRequest(query, "ja", null, null, null, 1, 10, Audience.PUBLIC);
    }

    /** A result shaped like the benchmark's: ten hits with snippets, 100 tags in the facets. */
    private static SearchResult result(String query) {
        List<SearchResult.Hit> hits = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            hits.add(new SearchResult.Hit("article-" + i, "返品・返金の手続きについて " + i, "faq", "ja", "返品・返金",
                    List.of("返金", "返品", "キャンセル"), "public", "/articles/article-" + i,
                    "…<mark>返金</mark>は、商品の到着から七日以内にお申し込みいただいた場合に限り、ご登録の口座へお振り込みします。" + i,
                    1.5f));
        }
        List<SearchResult.FacetValue> tags = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            tags.add(new SearchResult.FacetValue("tag" + i, i));
        }
        return new SearchResult(query, 40, 1, 10, 0, hits, Map.of("tags", tags), null, false);
    }
}
