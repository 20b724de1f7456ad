package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;
import org.junit.jupiter.api.Test;

class PassageRankingTest {

    private static final String[] WORDS = {"返金", "注文", "refund", "order", "キャンセル", "a", "ab"};

    @Test
    void scoresEveryPassageExactlyAsLuceneDoes() {
        Random random = new Random(7);
        PassageScorer lucene = new PassageScorer();
        PassageRanking ours = new PassageRanking();
        for (int round = 0; round < 20_000; round++) {
            Passage passage = new Passage();
            int start = random.nextInt(5_000);
            int length = 1 + random.nextInt(400);
            passage.setStartOffset(start);
            passage.setEndOffset(start + length);
            int matches = random.nextInt(12);
            for (int m = 0; m < matches; m++) {
                // The same term always has the same frequency in the document, as in a real highlight.
                int word = random.nextInt(WORDS.length);
                int offset = start + random.nextInt(length);
                passage.addMatch(offset, offset + 1, new BytesRef(WORDS[word]), 1 + word * 3);
            }
            int contentLength = start + length + random.nextInt(10_000);
            assertEquals(Float.floatToIntBits(lucene.score(passage, contentLength)),
                    Float.floatToIntBits(ours.score(passage, contentLength)), passage::toString);
        }
    }
}
