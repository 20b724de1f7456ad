package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.content.Visibility;
import dev.kotae.learning.Learned;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.TermFrequencyAttribute;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.index.IndexOptions;

/**
 * What the articles' documents hold of what was learned ({@link Learned}): the one in use, and how an
 * article's phrasings become fields. Each learned question ({@link Learned.Phrasing#asQuestion}) is a value
 * of the article's {@link IndexFields#learned} field; every phrasing adds its words to the article's
 * {@link IndexFields#prior click prior}, each word with a term frequency of {@value #PRIOR_SCALE} times the
 * phrasing's strength (summed over the article's phrasings that have it), which
 * {@code ArticleSimilarity.ClickPrior} saturates. Only the article's own document has them: an internal
 * article's phrasings are filtered with it, and none is a suggestion or a spelling word.
 *
 * <p>The one in use changes only on the index's writer thread ({@link LearnedIndexing}), inside the change
 * that re-indexes the articles whose phrasings changed, so a document written by any change uses the
 * phrasings of its moment and the index never mixes two.
 */
public final class LearnedPhrasings {

    /** The term frequency of a phrasing of strength 1 in the click prior. */
    static final int PRIOR_SCALE = 100;
    /** The term frequency at which a word's click prior gives half its weight. */
    static final float PRIOR_PIVOT = 100f;
    /** A word's click prior frequency is capped here: far past saturation, and well within Lucene's int. */
    static final int MAX_PRIOR_FREQUENCY = 100_000;

    /** The prior fields: frequencies carry the evidence, with no positions and no norms. */
    private static final FieldType PRIOR_TYPE = new FieldType();

    static {
        PRIOR_TYPE.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        PRIOR_TYPE.setTokenized(true);
        PRIOR_TYPE.setOmitNorms(true);
        PRIOR_TYPE.freeze();
    }

    private final Analysis analysis;
    private volatile Learned current = Learned.NONE;

    public LearnedPhrasings(Analysis analysis) {
        this.analysis = analysis;
    }

    /** Nothing learned, for indexes that do not learn (tests, measurements of the content alone). */
    static LearnedPhrasings none() {
        return new LearnedPhrasings(null);
    }

    /** The one in use now. */
    public Learned current() {
        return current;
    }

    /** The articles whose phrasings differ between the one in use and {@code next}. */
    Set<String> changedBy(Learned next) {
        Learned now = current;
        Set<String> changed = new HashSet<>();
        for (String id : now.byArticle().keySet()) {
            if (!now.of(id).equals(next.of(id))) {
                changed.add(id);
            }
        }
        for (String id : next.byArticle().keySet()) {
            if (!now.of(id).equals(next.of(id))) {
                changed.add(id);
            }
        }
        return changed;
    }

    /** Makes {@code next} the one in use: only while its change runs on the writer thread. */
    void use(Learned next) {
        current = next;
    }

    /**
     * Each article's visibility when its phrasings were last indexed by a publish: what they were learned
     * for (public articles learn only from anonymous searches, internal ones only from agents'). An article
     * whose visibility changed since gets none of them until the next learning cycle re-learns it in its new
     * scope, so an internal article made public never carries into public searches what agents taught it.
     */
    private final Map<String, Visibility> learnedFor = new ConcurrentHashMap<>();

    /** Notes that {@code article}'s phrasings in use were learned for its visibility now (by a publish). */
    void learnedFor(Article article) {
        learnedFor.put(article.id(), article.visibility());
    }

    /** Adds the article's learned questions and click prior to its document ({@code family}: the article's). */
    void addFields(org.apache.lucene.document.Document doc, Article article, LanguageFamily family) {
        List<Learned.Phrasing> phrasings = current.of(article.id());
        Visibility learnedAs = learnedFor.get(article.id());
        if (phrasings.isEmpty() || analysis == null || (learnedAs != null && learnedAs != article.visibility())) {
            return;
        }
        Map<String, Integer> prior = new TreeMap<>();
        for (Learned.Phrasing phrasing : phrasings) {
            if (phrasing.asQuestion()) {
                doc.add(new Field(IndexFields.learned(family), phrasing.text(),
                        org.apache.lucene.document.TextField.TYPE_NOT_STORED));
            }
            int frequency = (int) Math.max(1, Math.round(Math.min(1, phrasing.strength()) * PRIOR_SCALE));
            for (String word : words(family, phrasing.text())) {
                prior.merge(word, frequency, (a, b) -> Math.min(MAX_PRIOR_FREQUENCY, a + b));
            }
        }
        if (!prior.isEmpty()) {
            doc.add(new Field(IndexFields.prior(family), new Frequencies(prior), PRIOR_TYPE));
        }
    }

    /** The distinct words of {@code text} as a query's words are analysed, so the prior's terms are theirs. */
    private Set<String> words(LanguageFamily family, String text) {
        Set<String> words = new HashSet<>();
        try (TokenStream stream = analysis.text(family).tokenStream(IndexFields.body(family), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string does not fail", e);
        }
        return words;
    }

    /** Terms with their frequencies given, as one token each (Lucene's custom term frequencies). */
    private static final class Frequencies extends TokenStream {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);
        private final TermFrequencyAttribute frequency = addAttribute(TermFrequencyAttribute.class);
        private final List<Map.Entry<String, Integer>> entries;
        private int next;

        Frequencies(Map<String, Integer> frequencies) {
            this.entries = List.copyOf(frequencies.entrySet());
        }

        @Override
        public boolean incrementToken() {
            if (next == entries.size()) {
                return false;
            }
            clearAttributes();
            Map.Entry<String, Integer> entry = entries.get(next++);
            term.setEmpty().append(entry.getKey());
            frequency.setTermFrequency(entry.getValue());
            return true;
        }

        @Override
        public void reset() throws IOException {
            super.reset();
            next = 0;
        }
    }
}
