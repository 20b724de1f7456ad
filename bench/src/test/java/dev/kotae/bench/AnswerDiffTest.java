package dev.kotae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The comparison finds every difference in an answer except the request's timing and a page's secrets. */
class AnswerDiffTest {

    private static final String SEARCH = """
            {"query":"返金","total":2,"page":1,"size":10,"tookMs":%s,
             "hits":[{"id":"refund-timing","score":%s},{"id":"cancel-order","score":1.5}],
             "facets":{"category":[{"value":"返品・返金","count":2}]},"didYouMean":null,"corrected":false}""";

    private static AnswerDiff.Answer ok(String body) {
        return new AnswerDiff.Answer(200, body);
    }

    @Test
    void answersThatDifferOnlyInTheirTimingAreTheSame() {
        assertEquals(Optional.empty(), AnswerDiff.firstDifference(
                ok(SEARCH.formatted("3.42", "2.25")), ok(SEARCH.formatted("0.07", "2.25"))));
    }

    @Test
    void aScoreThatDiffersInItsLastBitIsADifference() {
        double score = 2.25;
        String nextScore = Double.toString(Math.nextUp(score));
        assertEquals(Optional.of("$.hits[0].score: 2.25 ≠ " + nextScore), AnswerDiff.firstDifference(
                ok(SEARCH.formatted("3.42", "2.25")), ok(SEARCH.formatted("3.42", nextScore))));
    }

    @Test
    void reportsTheFirstDifferingPathOfReorderedHits() {
        String reordered = SEARCH.formatted("1", "2.25").replace("refund-timing", "X").replace("cancel-order",
                "refund-timing").replace("X", "cancel-order");
        assertEquals(Optional.of("$.hits[0].id: \"refund-timing\" ≠ \"cancel-order\""),
                AnswerDiff.firstDifference(ok(SEARCH.formatted("1", "2.25")), ok(reordered)));
    }

    @Test
    void aMissingFieldAndAShorterListAreDifferences() {
        assertEquals(Optional.of("$.didYouMean: null ≠ (absent)"), AnswerDiff.firstDifference(
                ok("{\"didYouMean\":null}"), ok("{}")));
        assertEquals(Optional.of("$.suggestions: 2 elements ≠ 1"), AnswerDiff.firstDifference(
                ok("{\"suggestions\":[1,2]}"), ok("{\"suggestions\":[1]}")));
    }

    @Test
    void keyOrderDoesNotCountButTheStatusDoes() {
        assertEquals(Optional.empty(), AnswerDiff.firstDifference(ok("{\"a\":1,\"b\":2}"), ok("{\"b\":2,\"a\":1}")));
        assertEquals(Optional.of("status 200 ≠ 404"), AnswerDiff.firstDifference(
                ok("{}"), new AnswerDiff.Answer(404, "{}")));
    }

    @Test
    void pagesAreComparedWithoutTheirFormTokens() {
        String page = """
                <meta name="kotae-csrf" content="%s">
                <ol class="result-list"><li><a href="/articles/%s">返金</a></li></ol>""";
        assertEquals(Optional.empty(), AnswerDiff.firstDifference(
                ok(page.formatted("token-one", "refund")), ok(page.formatted("token-two", "refund"))));
        assertEquals(Optional.of("line 2 column 50: …a href=\"/articles/refund\">返金</a></li></ol> ≠ "
                + "…a href=\"/articles/returns\">返金</a></li></ol>"),
                AnswerDiff.firstDifference(ok(page.formatted("token-one", "refund")),
                        ok(page.formatted("token-two", "returns"))));
    }
}
