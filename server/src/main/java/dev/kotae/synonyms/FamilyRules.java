package dev.kotae.synonyms;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.synonym.SolrSynonymParser;
import org.apache.lucene.analysis.synonym.SynonymMap;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.util.CharsRef;
import org.apache.lucene.util.CharsRefBuilder;

/**
 * The rules of a synonyms file as one language family reads them. Lucene's {@link SolrSynonymParser}
 * reads the format (commas, {@code =>}, escapes, comments) and hands over each pair of terms; the terms
 * are analysed by the family's text chain here, as a query's text is, and kept as a plain map of word
 * runs rather than Lucene's {@link SynonymMap}, because they are looked up in a query's words, not run as
 * a token filter.
 *
 * <p>A term is analysed to the words a query would search for, in order: stop words and particles inside
 * it are left out, as they are left out of a query (Lucene's own analysis of a term refuses them, which
 * would make 「配送の状況」 or "terms of service" an error). A term with no word at all in this family is
 * noted ({@link #termsWithoutWords}), not an error here: a Japanese particle may be an English word.
 */
final class FamilyRules extends SolrSynonymParser {

    /**
     * At most this many pairs of terms per family: {@code a, b, c} makes every ordered pair, so one long
     * line could otherwise take the heap. A help center's file has a few hundred.
     */
    static final int MAX_PAIRS = 50_000;

    /** Which word runs stand for which others, and the longest run that is an entry. */
    static final class Mappings {
        private final Map<List<String>, Set<List<String>>> synonyms = new HashMap<>();
        private int longestEntry;

        Set<List<String>> of(List<String> typed) {
            return synonyms.getOrDefault(typed, Set.of());
        }

        int longestEntry() {
            return longestEntry;
        }

        boolean isEmpty() {
            return synonyms.isEmpty();
        }
    }

    private final Analyzer analyzer;
    private final String field;
    private final Mappings mappings = new Mappings();
    private final Set<String> withoutWords = new LinkedHashSet<>();
    private int pairs;

    /** @param field the field whose analysis a query's words get (the analyzer may differ per field) */
    FamilyRules(Analyzer analyzer, String field) {
        super(true, true, analyzer);
        this.analyzer = analyzer;
        this.field = field;
    }

    Mappings mappings() {
        return mappings;
    }

    /** The terms this family's analysis leaves no word of, as written in the file. */
    Set<String> termsWithoutWords() {
        return withoutWords;
    }

    /** The term's words joined by Lucene's word separator; empty if it has none (noted, then skipped). */
    @Override
    public CharsRef analyze(String text, CharsRefBuilder reuse) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analyzer.tokenStream(field, text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        if (words.isEmpty()) {
            withoutWords.add(text);
            reuse.clear();
            return reuse.get();
        }
        return SynonymMap.Builder.join(words.toArray(String[]::new), reuse);
    }

    /**
     * Called by the parser for each pair: {@code input} finds {@code output}. Whether the input itself is
     * kept does not matter here: a query always keeps what was typed.
     */
    @Override
    public void add(CharsRef input, CharsRef output, boolean includeOrig) {
        // Counted before anything is skipped: a long line of terms that fold to one word is n × (n − 1) calls
        // all the same, and must be refused as soon as any line would be.
        if (++pairs > MAX_PAIRS) {
            throw new IllegalArgumentException("more than " + MAX_PAIRS + " synonym pairs; split long lines of "
                    + "equivalent terms into groups that really mean the same");
        }
        if (input.length == 0 || output.length == 0) {
            return; // a term without words in this family: noted by analyze
        }
        List<String> typed = words(input);
        List<String> synonym = words(output);
        if (typed.equals(synonym)) {
            return; // two spellings the analysis already folds together
        }
        if (mappings.synonyms.computeIfAbsent(typed, key -> new LinkedHashSet<>()).add(synonym)) {
            mappings.longestEntry = Math.max(mappings.longestEntry, typed.size());
        }
    }

    private static List<String> words(CharsRef joined) {
        return List.copyOf(Arrays.asList(joined.toString().split(String.valueOf(SynonymMap.WORD_SEPARATOR))));
    }
}
