package dev.kotae.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

/**
 * Computes the keys that as-you-type suggestions match by prefix. A phrase (title or question) yields
 * its normalised surface form and its katakana reading, from the start and from each later content
 * word, so 「へんき」 reaches 「返金の時期」 (reading ヘンキンノジキ) and 「キャンセル」 reaches
 * 「注文のキャンセル」. Keys are capped at {@link #MAX_KEY_LENGTH} characters; queries are cut the same
 * way so long inputs still match. Thread-safe.
 */
public final class SuggestKeys implements AutoCloseable {

    /** Longer typed prefixes are compared on their first this-many characters. */
    public static final int MAX_KEY_LENGTH = 32;

    /** The keys of one phrase. */
    public record Keys(Set<String> start, Set<String> infix) {}

    private final Analyzer readings = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL);
            return new TokenStreamComponents(tokenizer);
        }
    };

    private record Piece(String surface, String reading, boolean startsWord) {}

    /** The keys of a title or question. */
    public Keys keysOf(String phrase) {
        List<Piece> pieces = pieces(phrase);
        Set<String> start = new LinkedHashSet<>();
        Set<String> infix = new LinkedHashSet<>();
        StringBuilder surface = new StringBuilder();
        StringBuilder reading = new StringBuilder();
        List<int[]> wordStarts = new ArrayList<>();
        for (Piece piece : pieces) {
            if (piece.startsWord() && surface.length() > 0) {
                wordStarts.add(new int[] {surface.length(), reading.length()});
            }
            surface.append(piece.surface());
            reading.append(piece.reading());
        }
        int surfaceEnd = strippedEnd(surface);
        int readingEnd = strippedEnd(reading);
        addKey(start, surface, 0, surfaceEnd);
        addKey(start, reading, 0, readingEnd);
        for (int[] offsets : wordStarts) {
            addKey(infix, surface, offsets[0], surfaceEnd);
            addKey(infix, reading, offsets[1], readingEnd);
        }
        infix.removeAll(start);
        return new Keys(start, infix);
    }

    /**
     * The keys a typed input is looked up with: its normalised form and, for input with kanji, its
     * reading (so a half-converted 「返金のて」 still reaches 「返金の手続き」).
     */
    public Set<String> queryKeys(String input) {
        Set<String> keys = new LinkedHashSet<>();
        String normalised = cut(KanaNormalizer.normalize(input).strip());
        if (!normalised.isEmpty()) {
            keys.add(normalised);
        }
        StringBuilder reading = new StringBuilder();
        for (Piece piece : pieces(input)) {
            reading.append(piece.reading());
        }
        String readingKey = cut(reading.toString().strip());
        if (!readingKey.isEmpty()) {
            keys.add(readingKey);
        }
        return keys;
    }

    private List<Piece> pieces(String phrase) {
        List<Piece> pieces = new ArrayList<>();
        try (TokenStream stream = readings.tokenStream("", phrase)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = stream.addAttribute(ReadingAttribute.class);
            PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                String surface = KanaNormalizer.normalize(term.toString());
                String read = reading.getReading() == null ? surface : KanaNormalizer.normalize(reading.getReading());
                String partOfSpeech = pos.getPartOfSpeech() == null ? "" : pos.getPartOfSpeech();
                boolean startsWord = !surface.isBlank()
                        && Character.isLetterOrDigit(surface.codePointAt(0))
                        && !partOfSpeech.startsWith("助詞")
                        && !partOfSpeech.startsWith("助動詞")
                        && !partOfSpeech.startsWith("記号");
                pieces.add(new Piece(surface, read, startsWord));
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pieces;
    }

    /**
     * Adds the key starting at {@code from}: the text from there, stripped, cut to {@link #MAX_KEY_LENGTH}.
     * Only the key's own characters are copied ({@code end} is the text's end less its trailing blanks,
     * worked out once per text): copying the whole rest for each word made a question of 150,000 words
     * take minutes on the index's one writer thread.
     */
    private static void addKey(Set<String> keys, CharSequence text, int from, int end) {
        int start = from;
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        String key = text.subSequence(start, Math.max(start, Math.min(end, start + MAX_KEY_LENGTH))).toString();
        if (!key.isEmpty()) {
            keys.add(key);
        }
    }

    private static int strippedEnd(CharSequence text) {
        int end = text.length();
        while (end > 0 && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static String cut(String key) {
        return key.length() <= MAX_KEY_LENGTH ? key : key.substring(0, MAX_KEY_LENGTH);
    }

    @Override
    public void close() {
        readings.close();
    }
}
