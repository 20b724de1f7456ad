package dev.kotae.widget.answerbot;

import dev.kotae.plugin.HelpCenter.ArticleView;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Decides whether two articles are the same question answered by several sources: a Markdown article
 * of the help center and its Zendesk or spreadsheet import, say. The answer bot counts such copies as one
 * candidate, so that a question whose answer exists twice is not refused as a near tie.
 *
 * <p>Two articles are near-duplicates when all of these hold:
 * <ol>
 * <li>they come from different sources ({@link Candidates#source}: the help center's own files are
 *     one source, each plugin source another): two articles of one source are two answers their author
 *     meant to keep apart, such as 「後払い（請求書払い）について」 and 「後払いの請求書が届かない」;</li>
 * <li>they are in the same locale (a translation answers the same question, but not for this customer);</li>
 * <li>their <em>questions are alike</em>: the best {@linkplain #similarity Jaccard similarity} between any
 *     phrasing of one (its title or one of its {@code questions}) and any phrasing of the other is at
 *     least {@link #MIN_QUESTION_SIMILARITY};</li>
 * <li>their <em>bodies overlap</em>: at least {@link #MIN_BODY_OVERLAP} of the shorter body's shingles
 *     occur in the longer one ({@linkplain #overlap overlap coefficient}; an imported copy is often
 *     shorter, so plain Jaccard would punish it for its length).</li>
 * </ol>
 *
 * <p>Text is compared after {@linkplain #normalise normalisation}: NFKC (full-width letters and digits
 * become ASCII, half-width kana full-width), lower case, and only letters and digits kept, so spacing,
 * punctuation and markup leftovers do not count. Then it is cut into overlapping character n-grams
 * (shingles): Japanese has no spaces between words, and n-grams need no dictionary in either language.
 * <ul>
 * <li>Phrasings are short and compared by their {@linkplain #phrasingShingles bigrams}, leaving out
 *     bigrams of hiragana only: those are the grammar of a Japanese question (「はできますか」), and with
 *     them 「後払いは利用できますか」 looked like 「分割払いはできますか」.</li>
 * <li>Bodies are long and compared by their {@linkplain #bodyShingles 4-grams}: shorter shingles occur in
 *     almost any text of the same shop, so every English article "overlapped" nine tenths of any other.</li>
 * </ul>
 * The thresholds were measured on the sample help center (content/ with the CSV and Zendesk samples of
 * {@code examples/kotae-plugins.yml}): its eight cross-source copies score 0.41-1.0 on questions and
 * 0.28-0.73 on bodies; the distinct articles closest in phrasing (「後払いの請求書が届きません」 and
 * 「後払い（請求書払い）について」: 0.60) overlap 0.20 in body at most, and articles that share much body
 * text ("Tracking your package" and "How do I track my order?": 0.77) are at most 0.37 alike in
 * phrasing.
 */
final class NearDuplicates {

    /** The least best-phrasing Jaccard similarity of two copies of one question. */
    static final double MIN_QUESTION_SIMILARITY = 0.4;
    /** The least share of the shorter body's 4-grams found in the longer body. */
    static final double MIN_BODY_OVERLAP = 0.25;

    private NearDuplicates() {}

    /** Whether {@code a} and {@code b} are copies of one answer from two sources (see the class comment). */
    static boolean nearDuplicates(Fingerprint a, Fingerprint b) {
        return !a.source().equals(b.source())
                && Objects.equals(a.locale(), b.locale())
                && questionSimilarity(a, b) >= MIN_QUESTION_SIMILARITY
                && overlap(a.body(), b.body()) >= MIN_BODY_OVERLAP;
    }

    /** The best Jaccard similarity between a phrasing of {@code a} and one of {@code b}. */
    static double questionSimilarity(Fingerprint a, Fingerprint b) {
        double best = 0;
        for (Set<String> x : a.phrasings()) {
            for (Set<String> y : b.phrasings()) {
                best = Math.max(best, similarity(x, y));
            }
        }
        return best;
    }

    /** Jaccard similarity: shared shingles over all shingles; 0 when both are empty. */
    static double similarity(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 0;
        }
        int shared = shared(a, b);
        return (double) shared / (a.size() + b.size() - shared);
    }

    /** Overlap coefficient: shared shingles over the smaller set's size; 0 when either is empty. */
    static double overlap(Set<String> a, Set<String> b) {
        if (a.isEmpty() || b.isEmpty()) {
            return 0;
        }
        return (double) shared(a, b) / Math.min(a.size(), b.size());
    }

    private static int shared(Set<String> a, Set<String> b) {
        Set<String> small = a.size() <= b.size() ? a : b;
        Set<String> large = small == a ? b : a;
        int shared = 0;
        for (String shingle : small) {
            if (large.contains(shingle)) {
                shared++;
            }
        }
        return shared;
    }

    /** NFKC, lower case, letters and digits only (see the class comment). */
    static String normalise(String text) {
        String folded = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder kept = new StringBuilder(folded.length());
        folded.codePoints().filter(Character::isLetterOrDigit).forEach(kept::appendCodePoint);
        return kept.toString();
    }

    /**
     * The overlapping character bigrams of a normalised title or question, except those of hiragana only;
     * a text of one character is its own shingle.
     */
    static Set<String> phrasingShingles(String text) {
        return shingles(text, 2, true);
    }

    /** The overlapping character 4-grams of a normalised body; a shorter text is its own shingle. */
    static Set<String> bodyShingles(String text) {
        return shingles(text, 4, false);
    }

    private static Set<String> shingles(String text, int n, boolean skipHiraganaOnly) {
        int[] cps = normalise(text).codePoints().toArray();
        Set<String> shingles = new HashSet<>();
        if (cps.length > 0 && cps.length < n) {
            shingles.add(new String(cps, 0, cps.length));
        }
        for (int i = 0; i + n <= cps.length; i++) {
            if (!skipHiraganaOnly || !hiraganaOnly(cps, i, n)) {
                shingles.add(new String(cps, i, n));
            }
        }
        return shingles;
    }

    private static boolean hiraganaOnly(int[] cps, int from, int n) {
        for (int i = from; i < from + n; i++) {
            if (Character.UnicodeBlock.of(cps[i]) != Character.UnicodeBlock.HIRAGANA) {
                return false;
            }
        }
        return true;
    }

    /**
     * What the comparison needs of an article, computed once per article and question.
     *
     * @param source {@link Candidates#source}
     * @param phrasings the {@link #phrasingShingles} of the title and of each of the article's questions
     * @param body the {@link #bodyShingles} of the body's plain text
     */
    record Fingerprint(String source, String locale, List<Set<String>> phrasings, Set<String> body) {

        static Fingerprint of(ArticleView view) {
            List<Set<String>> phrasings = new ArrayList<>();
            phrasings.add(phrasingShingles(view.title()));
            for (String question : view.questions()) {
                phrasings.add(phrasingShingles(question));
            }
            return new Fingerprint(Candidates.source(view), view.locale(), List.copyOf(phrasings), bodyShingles(view.text()));
        }
    }
}
