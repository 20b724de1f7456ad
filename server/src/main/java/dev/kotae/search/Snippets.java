package dev.kotae.search;

import dev.kotae.content.Article;
import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.IndexView;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.FieldInfo;
import org.apache.lucene.index.FieldInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.LengthGoalBreakIterator;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Makes the body snippet of each hit: the passage (about a sentence) that best matches the query, HTML
 * escaped, with {@code <mark>} around the matched words; the body's opening when nothing in the body
 * matched. Uses the offsets stored in the index, so no text is analysed again.
 */
final class Snippets {

    private static final int TARGET_LENGTH = 120;

    /** About 40 printed pages: longer than nearly any help article, short enough to cost no one. */
    static final int HIGHLIGHTED_CHARS = 50_000;

    private final Analysis analysis;

    private final boolean sharedPostings;

    Snippets(Analysis analysis) {
        this(analysis, true);
    }

    /** With {@code sharedPostings} false, Lucene's own postings strategy: the reference in tests. */
    Snippets(Analysis analysis, boolean sharedPostings) {
        this.analysis = analysis;
        this.sharedPostings = sharedPostings;
    }

    /**
     * One snippet per document, in the order of {@code docIds}, marking {@code bodyTerms} (a text query's
     * {@link TextQuery#bodyTerms}; none when browsing); empty for a document without a body.
     *
     * @param articles the articles of {@code docIds}, already read with their bodies: the highlighter
     *     takes the text from them instead of reading each document a second time
     */
    String[] snippets(IndexView view, Collection<Term> bodyTerms, int[] docIds, Article[] articles) throws IOException {
        String[] snippets = new String[docIds.length];
        Arrays.fill(snippets, "");
        if (docIds.length == 0) {
            return snippets;
        }
        Map<Integer, Article> byDoc = new HashMap<>();
        for (int i = 0; i < docIds.length; i++) {
            byDoc.put(docIds[i], articles[i]);
        }
        UnifiedHighlighter.Builder builder = UnifiedHighlighter.builder(view, analysis.perField())
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", "…", true))
                .withBreakIterator(() -> LengthGoalBreakIterator.createClosestToLength(
                        new SentenceBreaks(), TARGET_LENGTH, 0.5f))
                .withScorer(new PassageRanking())
                .withMaxNoHighlightPassages(1)
                // Terms and the offsets stored in the postings, not per-document query matching: the
                // weight-matches mode re-runs every clause of the query against each hit.
                .withWeightMatches(false);
        FieldInfos merged = view.fieldInfos();
        UnifiedHighlighter highlighter = new UnifiedHighlighter(builder) {
            // Merged once per index version by the view, not per request as the highlighter would.
            @Override
            protected FieldInfo getFieldInfo(String field) {
                return merged.fieldInfo(field);
            }

            @Override
            protected FieldOffsetStrategy getOffsetStrategy(OffsetSource source, UHComponents components) {
                return sharedPostings && source == OffsetSource.POSTINGS && SharedPostingsOffsets.covers(components)
                        ? new SharedPostingsOffsets(components) : super.getOffsetStrategy(source, components);
            }

            @Override
            protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docIter,
                    int cacheCharsThreshold) throws IOException {
                List<CharSequence[]> values = new ArrayList<>();
                for (int doc = docIter.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docIter.nextDoc()) {
                    Article article = byDoc.get(doc);
                    String bodyField = article == null ? null : bodyField(article);
                    CharSequence[] perField = new CharSequence[fields.length];
                    for (int f = 0; f < fields.length; f++) {
                        perField[f] = fields[f].equals(bodyField) ? highlighted(article.text()) : "";
                    }
                    values.add(perField);
                }
                return values;
            }
        };
        // Only the hits' body fields, and only the body terms: the highlighter visits the whole query for
        // each field it highlights, and a question's ranking query has a hundred field terms.
        String[] fields = Arrays.stream(articles).map(Snippets::bodyField).distinct().toArray(String[]::new);
        int[] passages = new int[fields.length];
        Arrays.fill(passages, 1);
        Map<String, String[]> byField = highlighter.highlightFields(fields, anyOf(bodyTerms), docIds, passages);
        for (String[] values : byField.values()) {
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null && !values[i].isEmpty()) {
                    snippets[i] = values[i];
                }
            }
        }
        return snippets;
    }

    /**
     * The part of a body the highlighter looks in: its opening {@value #HIGHLIGHTED_CHARS} characters, as
     * Lucene's own highlighter limits itself, so a very long article costs each search that shows it no
     * more than an ordinary one does. A match further in gives the body's opening as the snippet.
     */
    private static String highlighted(String text) {
        return text.length() <= HIGHLIGHTED_CHARS ? text : text.substring(0, HIGHLIGHTED_CHARS);
    }

    private static String bodyField(Article article) {
        return IndexFields.body(LanguageFamily.of(article.locale()));
    }

    /** A disjunction of {@code terms}: all the highlighter needs of a query. */
    private static Query anyOf(Collection<Term> terms) {
        BooleanQuery.Builder anyOf = new BooleanQuery.Builder();
        terms.forEach(term -> anyOf.add(new TermQuery(term), BooleanClause.Occur.SHOULD));
        return terms.isEmpty() ? new MatchNoDocsQuery("no body terms") : anyOf.build();
    }
}
