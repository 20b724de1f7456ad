package dev.kotae.search;

import org.apache.lucene.search.uhighlight.Passage;
import org.apache.lucene.search.uhighlight.PassageScorer;
import org.apache.lucene.util.BytesRef;

/**
 * Lucene's passage score (BM25 over the passage's distinct matched terms, times a boost for passages near
 * the start), computed without a {@code BytesRefHash}: Lucene's builds one per passage to tell the
 * terms apart, and with it a 32 KB block, which was two fifths of all the memory a search allocated.
 * A sentence has a handful of matches, so comparing them pairwise is cheaper. Terms are summed in the
 * order they first match, as Lucene numbers them, so the scores are Lucene's to the last bit.
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
