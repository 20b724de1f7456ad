package dev.kotae.search;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.spell.DirectSpellChecker;
import org.apache.lucene.search.spell.SuggestMode;
import org.apache.lucene.search.spell.SuggestWord;

/**
 * Proposes a corrected query ("did you mean") for words that occur nowhere in what the caller may see.
 * Uses the index's own terms (no separate dictionary to rebuild), and the audience's own dictionary, so a
 * customer is never offered a word that only an internal playbook contains. Japanese text is not
 * corrected: its variants are handled by analysis and kana grams instead.
 *
 * <p>The work is bounded whatever the query: only words of at most {@value #MAX_WORD_LENGTH} characters
 * are looked up, and at most {@value #MAX_WORDS_LOOKED_UP} of them per query and language. Each look-up
 * builds Levenshtein automata whose cost grows with the word's length; a query of three 254-character
 * unknown words took about a second and 400 MB, so a flood of them exhausted the heap.
 */
final class SpellingCorrector {

    /** Longer words are left as typed: a misspelling that long is rarer than a pasted string. */
    static final int MAX_WORD_LENGTH = 20;
    /** Unknown words looked up per query and language; the rest are left as typed. */
    static final int MAX_WORDS_LOOKED_UP = 4;

    private final Analysis analysis;
    private final DirectSpellChecker checker = new DirectSpellChecker();

    SpellingCorrector(Analysis analysis) {
        this.analysis = analysis;
    }

    /** The corrected query, or {@code null} when every word is known or nothing better is found. */
    String correct(IndexReader reader, String query, Collection<LanguageFamily> families, Audience audience) {
        for (LanguageFamily family : families) {
            if (family == LanguageFamily.JA) {
                continue;
            }
            String corrected = correct(reader, query, IndexFields.spelling(family, audience == Audience.PUBLIC));
            if (corrected != null) {
                return corrected;
            }
        }
        return null;
    }

    private String correct(IndexReader reader, String query, String field) {
        StringBuilder corrected = new StringBuilder();
        int copiedUpTo = 0;
        boolean changed = false;
        int lookedUp = 0;
        try (TokenStream stream = analysis.spelling().tokenStream(field, query)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            stream.reset();
            while (stream.incrementToken() && lookedUp < MAX_WORDS_LOOKED_UP) {
                String word = term.toString();
                int length = word.codePointCount(0, word.length());
                if (length < checker.getMinQueryLength() || length > MAX_WORD_LENGTH
                        || reader.docFreq(new Term(field, word)) > 0) {
                    continue;
                }
                lookedUp++;
                SuggestWord[] suggestions = checker.suggestSimilar(new Term(field, word), 1, reader,
                        SuggestMode.SUGGEST_WHEN_NOT_IN_INDEX);
                if (suggestions.length == 0) {
                    continue;
                }
                corrected.append(query, copiedUpTo, offset.startOffset()).append(suggestions[0].string);
                copiedUpTo = offset.endOffset();
                changed = true;
            }
            stream.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!changed) {
            return null;
        }
        return corrected.append(query.substring(copiedUpTo)).toString();
    }
}
