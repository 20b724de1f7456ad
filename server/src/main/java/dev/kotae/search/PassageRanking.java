package dev.kotae.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage's distinct matched terms, times a boost for passages near
 * the start) to the last bit, so the same passage wins, without the {@code BytesRefHash} and 32 KB block
 * Lucene's builds per passage to tell its terms apart: a sentence has a handful of matches, compared
 * pairwise and summed in the order they first match, as Lucene numbers them ({@code PassageRankingTest}).
 */
final class PassageRanking extends PassageScorer {

    @Override
    public float score(Passage passage, int contentLength) {
        int matches = passage.getNumMatches();
        BytesRef[] terms = passage.getMatchTerms();
        int[] freqsInDoc = passage.getMatchTermFreqsInDoc();
        double score = 0d;
        for (int i = 0; i < matches; i++) {
            if (matchedBefore(terms, i)) {
                continue;
            }
            int freqInPassage = 1;
            for (int j = i + 1; j < matches; j++) {
                if (terms[j].bytesEquals(terms[i])) {
                    freqInPassage++;
                }
            }
            score += tf(freqInPassage, passage.getLength()) * weight(contentLength, freqsInDoc[i]);
        }
        score *= norm(passage.getStartOffset());
        return (float) score;
    }

    private static boolean matchedBefore(BytesRef[] terms, int match) {
        for (int earlier = 0; earlier < match; earlier++) {
            if (terms[earlier].bytesEquals(terms[match])) {
                return true;
            }
        }
        return false;
    }
}
