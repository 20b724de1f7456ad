package dev.kotae.index;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.ja.tokenattributes.InflectionAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.PartOfSpeechAttribute;
import org.apache.lucene.analysis.ja.tokenattributes.ReadingAttribute;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * The help center's reading vocabulary: which written forms of its nouns have which reading, so a word
 * typed in kana can be searched as the help center writes it (「へんきん」 as 返金). At index time each noun
 * (and compound of nouns) of an article's Japanese text written with kanji or katakana becomes a term
 * {@code READING␟SURFACE} of {@link IndexFields#readings}: the reading folded by {@link KanaNormalizer},
 * so in katakana, the surface in width and case only, as it is shown. At search time {@link #forms} finds the written forms of a reading by seeking the terms dictionary, and
 * counts the articles of the caller's scope that use each one.
 *
 * <p>Only nouns are kept (not pronouns, numbers, suffixes or dependent nouns such as こと, ため): kana a
 * customer types are mostly the nouns of the question, and the hiragana of the rest of a sentence
 * (「ばい」 of 「すればいい」 is the reading of 倍) must not turn into them. Thread-safe.
 */
public final class ReadingVocabulary {

    /** Between the reading and the written form in a term: sorts before every letter, so a reading's terms are adjacent. */
    public static final char SEPARATOR = '\u001f';
    /** A reading shorter than this says too little (「し」 is 市, 氏, 詩…). */
    public static final int MIN_READING_LENGTH = 2;

    /**
     * Kuromoji with readings and parts of speech, as {@link SuggestKeys} reads titles. Shared for the life of
     * the class, as Kuromoji's dictionaries are: an analyzer keeps its components per thread.
     */
    private static final Analyzer NOUNS = new Analyzer() {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            return new TokenStreamComponents(new JapaneseTokenizer(null, false, JapaneseTokenizer.Mode.NORMAL));
        }
    };

    private ReadingVocabulary() {}

    /**
     * The vocabulary terms of {@code text}, each once, in term order: its nouns, and the compounds of up
     * to {@link #MAX_COMPOUND} adjacent nouns, which a customer types as one word: with a suffix (領収 + 書
     * is also 領収書, read リョウシュウショ), after a prefix (再 + 配達 is 再配達, サイハイタツ), ending with the
     * stem of a kanji verb (請求 + 書 + 払い); a compound is also indexed under each reading with one later
     * part voiced, as it is said (代引き: ダイヒキ and ダイビキ).
     */
    public static Set<String> termsOf(String text) {
        Set<String> terms = new TreeSet<>();
        List<Noun> run = new ArrayList<>();
        try (TokenStream stream = NOUNS.tokenStream("", text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            ReadingAttribute reading = stream.addAttribute(ReadingAttribute.class);
            PartOfSpeechAttribute pos = stream.addAttribute(PartOfSpeechAttribute.class);
            OffsetAttribute offset = stream.addAttribute(OffsetAttribute.class);
            InflectionAttribute inflection = stream.addAttribute(InflectionAttribute.class);
            stream.reset();
            int lastEnd = -1;
            while (stream.incrementToken()) {
                String surface = written(term.toString());
                String read = KanaNormalizer.normalize(reading.getReading() == null ? surface : reading.getReading());
                String partOfSpeech = pos.getPartOfSpeech() == null ? "" : pos.getPartOfSpeech();
                boolean noun = isNoun(partOfSpeech);
                Part part = noun ? Part.NOUN
                        : partOfSpeech.startsWith("名詞-接尾") ? Part.SUFFIX
                        : partOfSpeech.startsWith("接頭詞-名詞接続") ? Part.PREFIX
                        : isStemOfVerb(partOfSpeech, inflection.getInflectionForm(), surface) ? Part.LAST
                        : null;
                boolean joins = part != null && isKatakana(read) && offset.startOffset() == lastEnd
                        && (part != Part.PREFIX || run.isEmpty() || run.get(run.size() - 1).part() == Part.PREFIX);
                if (!joins) {
                    addCompounds(terms, run);
                    run.clear();
                }
                lastEnd = offset.endOffset();
                if (part != null && isKatakana(read) && (joins || part != Part.LAST)) {
                    run.add(new Noun(surface, read, part));
                }
                if (part == Part.LAST) {
                    addCompounds(terms, run);
                    run.clear();
                }
                if (noun && isKatakana(read)) {
                    add(terms, read, surface);
                }
            }
            stream.end();
            addCompounds(terms, run);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return terms;
    }

    /** At most this many adjacent nouns make a compound of the vocabulary. */
    static final int MAX_COMPOUND = 3;

    /**
     * How a token takes part in a compound: a noun starts one or continues it; a prefix (再, 代, 不) starts
     * one; a suffix (書, 状) continues one; the stem of a verb written in kanji (払い of 請求書払い, 引き of
     * 値引き) ends one.
     */
    private enum Part { NOUN, PREFIX, SUFFIX, LAST }

    private record Noun(String surface, String reading, Part part) {

        boolean startsCompound() {
            return part == Part.NOUN || part == Part.PREFIX;
        }

        /** Whether a compound may end with it: a prefix needs a word after it. */
        boolean endsCompound() {
            return part != Part.PREFIX;
        }
    }

    private static void addCompounds(Set<String> terms, List<Noun> run) {
        for (int from = 0; from < run.size(); from++) {
            if (!run.get(from).startsCompound()) {
                continue;
            }
            for (int to = from + 1; to < Math.min(run.size(), from + MAX_COMPOUND); to++) {
                if (!run.get(to).endsCompound()) {
                    continue;
                }
                List<Noun> parts = run.subList(from, to + 1);
                String surface = parts.stream().map(Noun::surface).reduce("", String::concat);
                add(terms, parts.stream().map(Noun::reading).reduce("", String::concat), surface);
                // Rendaku: a part after the first is often said voiced (代引き, ダイ + ヒキ, is だいびき;
                // 請求書払い is せいきゅうしょばらい). Each part's voiced reading is a reading of the compound too:
                // at most two more terms a compound, and only where a part starts with a voiceable letter.
                for (int voiced = 1; voiced < parts.size(); voiced++) {
                    String first = parts.get(voiced).reading();
                    char voicedLetter = voiced(first.charAt(0));
                    if (voicedLetter != first.charAt(0)) {
                        StringBuilder variant = new StringBuilder();
                        for (int k = 0; k < parts.size(); k++) {
                            variant.append(k == voiced ? voicedLetter + first.substring(1) : parts.get(k).reading());
                        }
                        add(terms, variant.toString(), surface);
                    }
                }
            }
        }
    }

    /** The voiced letter of a katakana カ, サ, タ or ハ row letter (カ → ガ, ヒ → ビ), or {@code c} itself. */
    static char voiced(char c) {
        boolean voiceable = (c >= '\u30AB' && c <= '\u30C2' && (c - '\u30AB') % 2 == 0)
                || c == '\u30C4' || c == '\u30C6' || c == '\u30C8'
                || (c >= '\u30CF' && c <= '\u30DB' && (c - '\u30CF') % 3 == 0);
        return voiceable ? (char) (c + 1) : c;
    }

    /**
     * Whether a token is the stem (連用形) of a verb written with a kanji: it ends a compound of nouns
     * (請求書払い, 値引き), but is no word on its own, and the し of 返金します (kana) never joins.
     */
    private static boolean isStemOfVerb(String partOfSpeech, String inflectionForm, String surface) {
        return partOfSpeech.startsWith("動詞-自立") && inflectionForm != null && inflectionForm.startsWith("連用")
                && surface.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private static void add(Set<String> terms, String reading, String surface) {
        if (reading.length() >= MIN_READING_LENGTH && hasKanjiOrKatakana(surface)) {
            terms.add(reading + SEPARATOR + surface);
        }
    }

    /**
     * A written form as it is shown: width and case folded, kana left as written (the okurigana of 届け
     * stay hiragana).
     */
    static String written(String surface) {
        return Normalizer.normalize(surface, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    }

    /** Whether a Kuromoji part of speech is a content noun (a word a customer would look for). */
    static boolean isNoun(String partOfSpeech) {
        if (partOfSpeech == null) {
            return false;
        }
        return partOfSpeech.startsWith("名詞") && !partOfSpeech.contains("非自立") && !partOfSpeech.contains("代名詞")
                && !partOfSpeech.contains("数") && !partOfSpeech.contains("接尾") && !partOfSpeech.contains("特殊");
    }

    private static boolean hasKanjiOrKatakana(String surface) {
        return surface.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || (c >= '\u30A1' && c <= '\u30FA'));
    }

    /** Whether {@code text} is all katakana letters and 「ー」, as folded readings are. */
    public static boolean isKatakana(String text) {
        return !text.isEmpty() && text.chars().allMatch(c -> (c >= '\u30A1' && c <= '\u30FA')
                || c == KanaNormalizer.PROLONGED_SOUND_MARK);
    }

    /**
     * The written forms of {@code reading} in {@code field}, most used first, each with the number of
     * documents that use it (the terms dictionary's count, which includes deleted documents until a merge
     * drops them: it only ranks the forms). A form is given only if a live document of {@code reader} uses
     * it (a scope's reader: its live documents are what its caller may see), so a word only a deleted or
     * hidden article had is never offered. Counting the live documents instead took about 3 ms a lookup
     * at 100k articles, where the common forms are in most of them.
     */
    public static Map<String, Integer> forms(IndexReader reader, String field, String reading) throws IOException {
        BytesRef prefix = new BytesRef(reading + SEPARATOR);
        int prefixLength = reading.length() + 1;
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            Bits live = leaf.reader().getLiveDocs();
            PostingsEnum postings = null;
            if (iterator.seekCeil(prefix) == TermsEnum.SeekStatus.END) {
                continue;
            }
            for (BytesRef term = iterator.term(); term != null && StringHelper.startsWith(term, prefix);
                    term = iterator.next()) {
                postings = iterator.postings(postings, PostingsEnum.NONE);
                if (hasLive(postings, live)) {
                    counts.merge(term.utf8ToString().substring(prefixLength), iterator.docFreq(), Integer::sum);
                }
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }

    /**
     * Whether some term of {@code field} has a reading starting with {@code prefix}: when none has, no
     * longer reading that starts the same way can be a word either.
     */
    public static boolean hasReadingStartingWith(IndexReader reader, String field, String prefix) throws IOException {
        BytesRef bytes = new BytesRef(prefix);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            if (terms == null) {
                continue;
            }
            TermsEnum iterator = terms.iterator();
            if (iterator.seekCeil(bytes) != TermsEnum.SeekStatus.END && StringHelper.startsWith(iterator.term(), bytes)) {
                return true;
            }
        }
        return false;
    }

    /** Whether some live document of {@code reader} has {@code term} in {@code field}. */
    public static boolean usedBy(IndexReader reader, String field, String term) throws IOException {
        BytesRef bytes = new BytesRef(term);
        for (LeafReaderContext leaf : reader.leaves()) {
            Terms terms = leaf.reader().terms(field);
            TermsEnum iterator = terms == null ? null : terms.iterator();
            if (iterator != null && iterator.seekExact(bytes)) {
                if (hasLive(iterator.postings(null, PostingsEnum.NONE), leaf.reader().getLiveDocs())) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean hasLive(PostingsEnum postings, Bits live) throws IOException {
        for (int doc = postings.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = postings.nextDoc()) {
            if (live == null || live.get(doc)) {
                return true;
            }
        }
        return false;
    }
}
