package dev.kotae.analytics;

import com.github.benmanes.caffeine.cache.Cache;
import dev.kotae.index.KanaNormalizer;
import dev.kotae.kept.Caches;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;

/**
 * What the reports need to count the spellings of one query together, worked out once when the query is
 * stored (columns {@code query_group} and {@code query_sound}):
 * <ul>
 *   <li>the <b>group</b>: the query folded for width, case and kana ({@link KanaNormalizer#normalize}:
 *       「へんきん」, 「ヘンキン」 and 「ﾍﾝｷﾝ」 are all 「ヘンキン」; 「Refund」 and 「ＲＥＦＵＮＤ」 are
 *       「refund」), whitespace runs as one space;
 *   <li>the <b>sound</b>: how it is read, in katakana. For a query with kanji, Kuromoji's readings of its
 *       words (「返金」 → 「ヘンキン」); for a query without kanji but with kana, the group itself; none
 *       for a query with no Japanese, or with a kanji word Kuromoji has no reading for.
 * </ul>
 * A query whose sound equals its group is written without kanji, and may join a written form with kanji
 * whose sound is the same (see {@link AnalyticsReports}); that choice depends on what was searched, so it is
 * made when a report is read, not here.
 */
public final class QuerySpelling {

    /** The group key and the reading of a stored query; the reading may be {@code null}. */
    public record Spelling(String group, String sound) {}

    /**
     * Kuromoji in normal mode (no compound splitting: one reading per word, in text order), keeping
     * punctuation so that nothing of the query is lost from its reading. The analyzer reuses one tokenizer
     * per thread.
     */
    private static final Analyzer READINGS = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL));
        }
    };

    /**
     * The spellings of the queries stored most, about 4 MB of them: every search is stored with its spelling,
     * reading one runs Kuromoji's lattice, and customers' queries repeat. A spelling depends on the text alone.
     */
    // In bytes, about: the entry, the record and three strings' headers, and their characters.
    private static final Cache<String, Spelling> KEPT = Caches.byWeight(4L << 20, (String masked, Spelling spelling) ->
            160L + 2L * (masked.length() + spelling.group().length()
                    + (spelling.sound() == null ? 0 : spelling.sound().length()))).build();

    private QuerySpelling() {}

    /** The spelling of a stored query ({@link QueryText#masked}); {@code null} for no query. */
    public static Spelling of(String masked) {
        return masked == null ? null : KEPT.get(masked, QuerySpelling::spell);
    }

    private static Spelling spell(String masked) {
        // Cut again: folding can lengthen a query already cut to its column (İ lower-cases to two characters),
        // and the group is a key stored as it is, by analytics and by learning's decisions alike.
        String group = EventRecorder.fit(KanaNormalizer.normalize(masked).strip(), QueryText.MAX_LENGTH);
        if (!hasScript(group, Character.UnicodeScript.HAN)) {
            boolean kana = hasScript(group, Character.UnicodeScript.KATAKANA);
            return new Spelling(group, kana ? group : null);
        }
        return new Spelling(group, reading(QueryText.normalized(masked)));
    }

    /**
     * The text read aloud in katakana: each word's reading, or the word itself when Kuromoji has none and
     * it has no kanji (Latin words, digits, punctuation, unknown katakana); {@code null} when a word with
     * kanji has no reading.
     */
    private static String reading(String text) {
        StringBuilder read = new StringBuilder(text.length() * 2);
        try (TokenStream tokens = READINGS.tokenStream("", text)) {
            CharTermAttribute term = tokens.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = tokens.addAttribute(ReadingAttribute.class);
            OffsetAttribute offset = tokens.addAttribute(OffsetAttribute.class);
            tokens.reset();
            int end = 0;
            while (tokens.incrementToken()) {
                // Whatever the tokenizer leaves between words (spaces) is kept as it is.
                read.append(text, Math.min(end, offset.startOffset()), offset.startOffset());
                end = Math.max(end, offset.endOffset());
                if (reading.getReading() != null) {
                    read.append(reading.getReading());
                } else if (hasScript(term, Character.UnicodeScript.HAN)) {
                    return null;
                } else {
                    read.append(term);
                }
            }
            tokens.end();
            read.append(text, Math.min(end, text.length()), text.length());
        } catch (IOException e) {
            throw new UncheckedIOException("reading a string does not fail", e);
        }
        return KanaNormalizer.normalize(read.toString()).strip();
    }

    private static boolean hasScript(CharSequence text, Character.UnicodeScript script) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == script);
    }
}
