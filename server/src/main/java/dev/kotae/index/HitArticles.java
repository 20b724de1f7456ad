package dev.kotae.index;

import dev.kotae.content.Article;
import dev.kotae.kept.Kept;
import dev.kotae.kept.Usage;
import java.io.IOException;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.util.IOFunction;

/**
 * The articles search hits show (their cards and bodies, which snippets need), kept per segment core: a
 * document reads the same in every version that has its segment, and the articles customers find come
 * back in search after search, so most hits are not decoded from their doc values again. An edit only
 * misses on the new segment. Bounded by an estimate of the heap the articles take; Caffeine keeps those
 * asked for most.
 */
final class HitArticles {

    /** About the heap the kept articles may take. */
    static final long MAX_BYTES = 16L << 20;

    private final Kept<Integer, Article> perSegment = Kept.byWeight(MAX_BYTES, (doc, article) -> bytes(article));

    /**
     * The article of document {@code doc} of {@code segment}, kept or read by {@code read}.
     *
     * @param doc the document's number within the segment
     */
    Article of(LeafReader segment, int doc, IOFunction<Integer, Article> read) throws IOException {
        return perSegment.get(segment.getCoreCacheHelper(), doc, read);
    }

    /** How searches used the kept articles. */
    Usage usage() {
        return perSegment;
    }

    /** Two bytes a character of its strings (a Latin-1 string takes one: the estimate errs on the safe side). */
    private static long bytes(Article article) {
        long characters = article.text().length() + article.title().length() + article.id().length()
                + article.category().length() + article.source().length();
        for (String question : article.questions()) {
            characters += question.length();
        }
        for (String tag : article.tags()) {
            characters += tag.length();
        }
        return 2 * characters;
    }
}
