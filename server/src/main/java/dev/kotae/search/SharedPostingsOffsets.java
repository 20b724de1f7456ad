package dev.kotae.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.uhighlight.FieldOffsetStrategy;
import org.apache.lucene.search.uhighlight.OffsetsEnum;
import org.apache.lucene.search.uhighlight.UHComponents;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;

/**
 * Offsets of a field's query terms from the postings, as Lucene's postings strategy gives them, but each
 * term is looked up once per highlighting call and its postings moved from hit to hit (hits come in
 * document order), not looked up again per hit. Plain term queries only ({@link #covers}). Checked
 * against Lucene's strategy by {@code SnippetsTest}; what it saves is in docs/benchmarks.md.
 */
final class SharedPostingsOffsets extends FieldOffsetStrategy {

    private LeafReader leaf;
    private PostingsEnum[] postings;
    private int lastDoc = -1;

    SharedPostingsOffsets(UHComponents components) {
        super(components);
    }

    /** Whether the highlighted query is plain terms, which this strategy covers. */
    static boolean covers(UHComponents components) {
        return components.getAutomata().length == 0 && !components.getPhraseHelper().hasPositionSensitivity()
                && !components.getPhraseHelper().willRewrite() && !components.hasUnrecognizedQueryPart()
                && !components.getHighlightFlags().contains(UnifiedHighlighter.HighlightFlag.WEIGHT_MATCHES);
    }

    @Override
    public UnifiedHighlighter.OffsetSource getOffsetSource() {
        return UnifiedHighlighter.OffsetSource.POSTINGS;
    }

    @Override
    public OffsetsEnum getOffsetsEnum(LeafReader reader, int doc, String content) throws IOException {
        if (reader != leaf || doc <= lastDoc) {
            // A new segment, or hits out of order (the highlighter sorts them, but postings only move forward).
            open(reader);
        }
        lastDoc = doc;
        List<OffsetsEnum> matched = new ArrayList<>();
        for (int i = 0; i < postings.length; i++) {
            PostingsEnum termPostings = postings[i];
            if (termPostings == null) {
                continue;
            }
            int at = termPostings.docID() < doc ? termPostings.advance(doc) : termPostings.docID();
            if (at == DocIdSetIterator.NO_MORE_DOCS) {
                postings[i] = null;
            } else if (at == doc) {
                matched.add(new OffsetsEnum.OfPostings(components.getTerms()[i], termPostings));
            }
        }
        return switch (matched.size()) {
            case 0 -> OffsetsEnum.EMPTY;
            case 1 -> matched.get(0);
            default -> new OffsetsEnum.MultiOffsetsEnum(matched);
        };
    }

    private void open(LeafReader reader) throws IOException {
        leaf = reader;
        postings = new PostingsEnum[components.getTerms().length];
        Terms terms = reader.terms(getField());
        if (terms == null) {
            return;
        }
        TermsEnum termsEnum = terms.iterator();
        for (int i = 0; i < postings.length; i++) {
            if (termsEnum.seekExact(components.getTerms()[i])) {
                postings[i] = termsEnum.postings(null, PostingsEnum.OFFSETS);
            }
        }
    }
}
