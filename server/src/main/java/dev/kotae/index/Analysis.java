package dev.kotae.index;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.ja.dict.ConnectionCosts;
import org.apache.lucene.analysis.ja.dict.TokenInfoDictionary;
import org.apache.lucene.analysis.ja.dict.UnknownDictionary;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.charfilter.MappingCharFilter;
import org.apache.lucene.analysis.charfilter.NormalizeCharMap;
import org.apache.lucene.analysis.cjk.CJKBigramFilter;
import org.apache.lucene.analysis.cjk.CJKWidthCharFilter;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.ja.JapaneseAnalyzer;
import org.apache.lucene.analysis.ja.JapaneseBaseFormFilter;
import org.apache.lucene.analysis.ja.JapaneseKatakanaStemFilter;
import org.apache.lucene.analysis.ja.JapanesePartOfSpeechStopFilter;
import org.apache.lucene.analysis.ja.JapaneseTokenizer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.miscellaneous.PerFieldAnalyzerWrapper;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * The analysis chains of the index, built once and shared (Lucene analyzers reuse their components per
 * thread, so nothing is constructed per request).
 *
 * <ul>
 *   <li>Japanese text: width folding before Kuromoji (so 「ﾊﾟｽﾜｰﾄﾞ」 tokenizes like 「パスワード」), search
 *       mode (compounds are split), base forms, part-of-speech and stop-word removal, words written
 *       wholly in hiragana folded to katakana, katakana long-vowel stemming, lower-casing.
 *   <li>English text: possessives, lower-casing, stop words, Porter stemming.
 *   <li>Kana grams: width folding, hiragana to katakana, CJK bigrams. A recall field that lets kana input
 *       and unknown compounds meet the words Kuromoji saw differently.
 *   <li>Spelling: lower-cased surface words, the dictionary for did-you-mean.
 * </ul>
 */
public final class Analysis implements AutoCloseable {

    private static final NormalizeCharMap HIRAGANA_TO_KATAKANA = KanaNormalizer.hiraganaToKatakanaMap();

    private final Map<LanguageFamily, Analyzer> text = new HashMap<>();
    private final Analyzer grams = new KanaGramAnalyzer();
    private final Analyzer spelling = new SpellingAnalyzer();
    private final Analyzer keyword = new StandardAnalyzer();
    private final Analyzer perField;

    /**
     * Loads Kuromoji's dictionaries on a thread of their own. They take a good part of start-up, and
     * nothing else needs them until the first analysis, so the server reads its configuration, opens
     * the index and builds its HTTP stack meanwhile; whoever needs them first just waits for the load.
     */
    public static void preloadDictionaries() {
        Thread loader = new Thread(() -> {
            TokenInfoDictionary.getInstance();
            ConnectionCosts.getInstance();
            UnknownDictionary.getInstance();
        }, "kotae-dictionary-preload");
        loader.setDaemon(true);
        loader.start();
    }

    public Analysis() {
        text.put(LanguageFamily.JA, new JapaneseTextAnalyzer());
        text.put(LanguageFamily.EN, new EnglishTextAnalyzer());
        text.put(LanguageFamily.OTHER, new OtherTextAnalyzer());
        Map<String, Analyzer> byField = new HashMap<>();
        for (LanguageFamily family : LanguageFamily.values()) {
            for (String field : IndexFields.textFields(family)) {
                byField.put(field, text.get(family));
            }
            byField.put(IndexFields.learned(family), text.get(family));
            byField.put(IndexFields.spelling(family, true), spelling);
            byField.put(IndexFields.spelling(family, false), spelling);
        }
        byField.put(IndexFields.GRAMS_TITLE, grams);
        byField.put(IndexFields.GRAMS_BODY, grams);
        perField = new PerFieldAnalyzerWrapper(keyword, byField);
    }

    /**
     * {@code text} folded as every chain here folds it before anything else sees a word: width
     * ({@link CJKWidthCharFilter}: full-width Latin to ASCII, half-width kana to full-width) and case
     * (lower-cased code point by code point, as {@link LowerCaseFilter} does). «ＲＥＦＵＮＤ», «Refund» and
     * «refund» fold to the same text, so a search for one is a search for the others.
     */
    public static String fold(String text) {
        StringBuilder folded = new StringBuilder(text.length());
        try (Reader width = new CJKWidthCharFilter(new StringReader(text))) {
            for (int c = width.read(); c != -1; c = width.read()) {
                folded.append((char) c);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a string reader does not fail", e);
        }
        StringBuilder lower = new StringBuilder(folded.length());
        folded.codePoints().map(Character::toLowerCase).forEach(lower::appendCodePoint);
        return lower.toString();
    }

    /** The analyzer for a family's text fields. */
    public Analyzer text(LanguageFamily family) {
        return text.get(family);
    }

    /** The kana-gram analyzer of the recall fields. */
    public Analyzer grams() {
        return grams;
    }

    /** The analyzer of the spelling fields. */
    public Analyzer spelling() {
        return spelling;
    }

    /** The index-wide analyzer: the right chain for every field. */
    public Analyzer perField() {
        return perField;
    }

    @Override
    public void close() {
        text.values().forEach(Analyzer::close);
        grams.close();
        spelling.close();
        keyword.close();
    }

    private static final class JapaneseTextAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new JapaneseTokenizer(null, true, JapaneseTokenizer.Mode.SEARCH);
            TokenStream stream = new JapaneseBaseFormFilter(tokenizer);
            stream = new JapanesePartOfSpeechStopFilter(stream, JapaneseAnalyzer.getDefaultStopTags());
            stream = new StopFilter(stream, JapaneseAnalyzer.getDefaultStopSet());
            stream = new HiraganaWordFilter(stream);
            stream = new JapaneseKatakanaStemFilter(stream);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected Reader initReaderForNormalization(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    private static final class EnglishTextAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new EnglishPossessiveFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            stream = new StopFilter(stream, EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
            stream = new PorterStemFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    }

    private static final class OtherTextAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new LowerCaseFilter(tokenizer);
            stream = new ASCIIFoldingFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new ASCIIFoldingFilter(new LowerCaseFilter(in));
        }
    }

    private static final class KanaGramAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new MappingCharFilter(HIRAGANA_TO_KATAKANA, new CJKWidthCharFilter(reader));
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            TokenStream stream = new CJKBigramFilter(tokenizer);
            stream = new LowerCaseFilter(stream);
            return new TokenStreamComponents(tokenizer, stream);
        }
    }

    private static final class SpellingAnalyzer extends Analyzer {
        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return new CJKWidthCharFilter(reader);
        }

        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer tokenizer = new StandardTokenizer();
            return new TokenStreamComponents(tokenizer, new LowerCaseFilter(tokenizer));
        }
    }
}
