package dev.kotae.search;

import com.github.benmanes.caffeine.cache.Cache;
import dev.kotae.kept.Caches;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * The tokens an analyzer makes of a query's text, kept for the texts asked most: what customers type
 * keeps coming back, and Kuromoji's lattice is the dearest step of turning a Japanese query into a
 * {@link TextQuery}. An analyzer's tokens depend on nothing but the text (its dictionaries are fixed for
 * the server's life), so a kept list is always the one the analyzer would give; it holds no index state.
 * Bounded by an estimate of their heap, Caffeine keeping the texts asked most.
 */
final class QueryTokens {

    /** A token: its text, its offsets in the analysed text, and its position increment. */
    record Token(String text, int start, int end, int increment) {}

    /** About the heap the kept tokens may take: the texts of several thousand queries. */
    private static final long MAX_BYTES = 4L << 20;

    private record Asked(Analyzer analyzer, String field, String text) {}

    // The key and entry, the text's characters, and each token's record, string and characters.
    private final Cache<Asked, List<Token>> kept = Caches.byWeight(MAX_BYTES, (Asked asked, List<Token> tokens) ->
            128L + 2L * asked.text().length() + tokens.stream().mapToLong(token -> 80 + 2 * token.text().length()).sum())
            .build();

    /** The tokens {@code analyzer} makes of {@code text} in {@code field}, in order; the list must not be changed. */
    List<Token> of(Analyzer analyzer, String field, String text) {
        return kept.get(new Asked(analyzer, field, text), asked -> analyse(analyzer, field, text));
    }

    /** The tokens {@code analyzer} makes of {@code text} in {@code field}, analysed now. */
    static List<Token> analyse(Analyzer analyzer, String field, String text) {
        List<Token> tokens = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute increment = stream.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                tokens.add(new Token(term.toString(), offset.startOffset(), offset.endOffset(),
                        increment.getPositionIncrement()));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return List.copyOf(tokens);
    }
}
