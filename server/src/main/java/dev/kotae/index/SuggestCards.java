package dev.kotae.index;

import dev.kotae.kept.Kept;
import dev.kotae.kept.Usage;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.ReaderUtil;

/**
 * The cards suggestions show, kept per segment core, as {@link HitArticles} keeps search hits: a card
 * reads the same in every version that has its segment, and what customers type comes back keystroke
 * after keystroke, so most candidates are not decoded from their doc values again (each read copies the
 * article's card and phrase keys out of the index and decodes their strings). An edit only misses on the
 * new segment. Bounded by an estimate of the heap the cards take; Caffeine keeps those asked for most.
 */
final class SuggestCards {

    /** About the heap the kept cards may take. */
    static final long MAX_BYTES = 8L << 20;

    /** A document without suggestion keys is kept too, as no card (Caffeine keeps no null). */
    private final Kept<Integer, Optional<SuggestCard>> perSegment =
            Kept.byWeight(MAX_BYTES, (doc, card) -> card.map(SuggestCards::bytes).orElse(0L));

    /**
     * The card of top-level document {@code doc} of {@code reader}, or {@code null} if it has no
     * suggestion keys, kept or read.
     */
    SuggestCard of(IndexReader reader, int doc) throws IOException {
        List<LeafReaderContext> leaves = reader.leaves();
        LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
        return perSegment.get(leaf.reader().getCoreCacheHelper(), doc - leaf.docBase,
                inSegment -> Optional.ofNullable(SuggestCard.read(leaf.reader(), inSegment))).orElse(null);
    }

    /** How suggestions used the kept cards. */
    Usage usage() {
        return perSegment;
    }

    /** Two bytes a character of its strings (a Latin-1 string takes one: the estimate errs on the safe side). */
    private static long bytes(SuggestCard card) {
        long characters = card.id().length() + card.visibility().length() + card.title().length();
        for (String question : card.questions()) {
            characters += question.length();
        }
        for (String keys : card.phraseKeys()) {
            characters += keys.length();
        }
        return 2 * characters;
    }
}
