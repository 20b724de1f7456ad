package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * "Did you mean" corrects what a customer mistyped, and its work stays bounded whatever is typed: long
 * words and words past the per-query limit are left as typed instead of being looked up.
 */
class SpellingCorrectorTest {

    /** Ten words of the help center and a misspelling of each, one edit away. */
    private static final List<String> WORDS = List.of("refund", "delivery", "password", "account", "invoice",
            "shipping", "address", "payment", "coupon", "receipt");
    private static final List<String> TYPOS = List.of("refnud", "delivry", "pasword", "acount", "invoise",
            "shiping", "adress", "paymnet", "cupon", "reciept");
    /** 21 letters, one more than a word looked up may have. */
    private static final String LONG_WORD = "internationalisations";

    private static Analysis analysis;
    private static Directory directory;
    private static DirectoryReader reader;

    @BeforeAll
    static void index() throws IOException {
        analysis = new Analysis();
        directory = new ByteBuffersDirectory();
        try (IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(analysis.perField()))) {
            Document doc = new Document();
            String words = String.join(" ", WORDS) + " " + LONG_WORD + " " + LONG_WORD.substring(0, 20);
            doc.add(new TextField(IndexFields.spelling(LanguageFamily.EN, true), words, Field.Store.NO));
            writer.addDocument(doc);
        }
        reader = DirectoryReader.open(directory);
    }

    @AfterAll
    static void close() throws IOException {
        reader.close();
        directory.close();
        analysis.close();
    }

    private static String correct(String query) {
        return new SpellingCorrector(analysis).correct(reader, query, Set.of(LanguageFamily.EN), Audience.PUBLIC);
    }

    @Test
    void aMistypedWordIsCorrectedAndKnownWordsAreKept() {
        assertEquals("refund my payment", correct("refnud my payment"));
        assertNull(correct("refund my payment"), "nothing to correct");
    }

    @Test
    void aWordAsLongAsTheLimitIsStillCorrected() {
        String twenty = LONG_WORD.substring(0, 20);
        assertEquals(20, twenty.length());
        assertEquals(twenty, correct(twenty.substring(0, 19) + "x"));
    }

    @Test
    void aLongerWordIsLeftAsTyped() {
        assertEquals(SpellingCorrector.MAX_WORD_LENGTH + 1, LONG_WORD.length());
        String typo = LONG_WORD.substring(0, LONG_WORD.length() - 1) + "x";
        assertNull(correct(typo), "a word past the length limit is never looked up");
        assertEquals("refund " + typo, correct("refnud " + typo), "the words within the limit are still corrected");
    }

    @Test
    void onlyTheFirstUnknownWordsOfAQueryAreLookedUp() {
        String corrected = correct(String.join(" ", TYPOS));
        List<String> expected = new ArrayList<>(WORDS.subList(0, SpellingCorrector.MAX_WORDS_LOOKED_UP));
        expected.addAll(TYPOS.subList(SpellingCorrector.MAX_WORDS_LOOKED_UP, TYPOS.size()));
        assertEquals(String.join(" ", expected), corrected);
    }

    @Test
    void knownWordsDoNotCountAgainstTheLimit() {
        List<String> mixed = new ArrayList<>();
        for (int i = 0; i < SpellingCorrector.MAX_WORDS_LOOKED_UP; i++) {
            mixed.add(WORDS.get(i)); // known: checked in the index, not looked up
            mixed.add(TYPOS.get(i));
        }
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < SpellingCorrector.MAX_WORDS_LOOKED_UP; i++) {
            expected.add(WORDS.get(i));
            expected.add(WORDS.get(i));
        }
        assertEquals(String.join(" ", expected), correct(String.join(" ", mixed)));
    }
}
