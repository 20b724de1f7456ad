package dev.kotae.synonyms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.index.Analysis;
import dev.kotae.index.IndexFields;
import dev.kotae.index.LanguageFamily;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The Solr format read per language family, entries normalised as query words are, and looked up in a query's words. */
class SynonymsTest {

    private static Analysis analysis;

    @BeforeAll
    static void analysis() {
        analysis = new Analysis();
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    @Test
    void equivalentTermsFindEachOther() throws Exception {
        Synonyms synonyms = Synonyms.parse("解約, 退会\ncancel, unsubscribe\n", analysis, 1);
        assertEquals(List.of(List.of("退会")), synonymsOf(synonyms, LanguageFamily.JA, "解約"));
        assertEquals(List.of(List.of("解約")), synonymsOf(synonyms, LanguageFamily.JA, "退会"));
        assertEquals(List.of(List.of("unsubscrib")), synonymsOf(synonyms, LanguageFamily.EN, "cancel"));
        assertEquals(List.of(List.of("cancel")), synonymsOf(synonyms, LanguageFamily.EN, "unsubscribe"));
        assertEquals(2, synonyms.rules());
        assertEquals(1, synonyms.version());
    }

    @Test
    void anArrowWorksOneWay() throws Exception {
        Synonyms synonyms = Synonyms.parse("レシート => 領収書", analysis, 1);
        assertEquals(List.of(words(LanguageFamily.JA, "領収書")), synonymsOf(synonyms, LanguageFamily.JA, "レシート"));
        assertEquals(List.of(), synonymsOf(synonyms, LanguageFamily.JA, "領収書"));
    }

    @Test
    void entriesAreAnalysedAsQueryWordsAre() throws Exception {
        // Inflection, width, case and kana: the file's spelling need not be the customer's.
        Synonyms synonyms = Synonyms.parse("Cancelled, UNSUBSCRIBING\nﾚｼｰﾄ, 領収書\nコンピューター, パソコン", analysis, 1);
        assertEquals(List.of(List.of("unsubscrib")), synonymsOf(synonyms, LanguageFamily.EN, "cancels"));
        assertEquals(List.of(words(LanguageFamily.JA, "領収書")), synonymsOf(synonyms, LanguageFamily.JA, "レシート"));
        assertEquals(List.of(List.of("パソコン")), synonymsOf(synonyms, LanguageFamily.JA, "コンピュータ"));
    }

    @Test
    void aRunOfWordsIsAnEntryToo() throws Exception {
        Synonyms synonyms = Synonyms.parse("close account, deactivate", analysis, 1);
        assertEquals(List.of(), synonymsOf(synonyms, LanguageFamily.EN, "how to close my account"),
                "the words must be adjacent");
        List<Synonyms.Match> matches = synonyms.of(LanguageFamily.EN, words(LanguageFamily.EN, "close account now"));
        assertEquals(List.of(new Synonyms.Match(List.of("close", "account"), List.of("deactiv"))), matches);
        assertEquals(List.of(List.of("close", "account")), synonymsOf(synonyms, LanguageFamily.EN, "deactivate"));
        assertEquals(List.of(), synonymsOf(synonyms, LanguageFamily.EN, "close"), "one word of an entry is not the entry");
    }

    @Test
    void stopWordsInsideATermAreLeftOutAsInAQuery() throws Exception {
        // Lucene's own analysis of a term refuses the gap a stop word leaves; a query has the same gap.
        Synonyms synonyms = Synonyms.parse("terms of service, tos\n配送の状況, 配達状況", analysis, 1);
        assertEquals(List.of(List.of("term", "servic")), synonymsOf(synonyms, LanguageFamily.EN, "tos"));
        assertEquals(List.of(List.of("to")), synonymsOf(synonyms, LanguageFamily.EN, "terms of service"));
        assertEquals(List.of(words(LanguageFamily.JA, "配達状況")), synonymsOf(synonyms, LanguageFamily.JA, "配送の状況"));
    }

    @Test
    void commentsBlankLinesAndEscapesAreRead() throws Exception {
        Synonyms synonyms = Synonyms.parse("""
                # a comment
                   # an indented one
                \s\s
                cancel, unsubscribe

                wi\\-fi, wireless
                """, analysis, 1);
        assertEquals(2, synonyms.rules());
        assertEquals(List.of(List.of("wireless")), synonymsOf(synonyms, LanguageFamily.EN, "wi-fi"));
    }

    @Test
    void eachSynonymComesOnce() throws Exception {
        Synonyms synonyms = Synonyms.parse("cancel, unsubscribe\ncancel => unsubscribe\nstop, unsubscribe", analysis, 1);
        assertEquals(List.of(List.of("unsubscrib")), synonymsOf(synonyms, LanguageFamily.EN, "cancel stop"));
    }

    @Test
    void aBrokenLineIsRefusedWithItsNumber() {
        InvalidSynonymsException twoArrows = assertThrows(InvalidSynonymsException.class,
                () -> Synonyms.parse("cancel, unsubscribe\na => b => c\n", analysis, 1));
        assertTrue(twoArrows.getMessage().contains("line 2") && twoArrows.getMessage().contains("more than one"),
                twoArrows.getMessage());
        InvalidSynonymsException noWord = assertThrows(InvalidSynonymsException.class,
                () -> Synonyms.parse("cancel, unsubscribe\nrefund, ,return\n", analysis, 1));
        assertTrue(noWord.getMessage().contains("empty term"), noWord.getMessage());
        InvalidSynonymsException punctuation = assertThrows(InvalidSynonymsException.class,
                () -> Synonyms.parse("refund, !!!", analysis, 1));
        assertTrue(punctuation.getMessage().contains("«!!!»"), punctuation.getMessage());
    }

    @Test
    void aHugeGroupIsRefusedBeforeItTakesTheHeap() {
        StringBuilder group = new StringBuilder();
        for (int i = 0; i < 300; i++) { // 300 × 299 ordered pairs
            group.append(i == 0 ? "" : ", ").append("word").append(i);
        }
        InvalidSynonymsException e = assertThrows(InvalidSynonymsException.class,
                () -> Synonyms.parse(group.toString(), analysis, 1));
        assertTrue(e.getMessage().contains("more than " + FamilyRules.MAX_PAIRS), e.getMessage());
    }

    @Test
    void noneHasNoSynonyms() {
        assertEquals(List.of(), Synonyms.NONE.of(LanguageFamily.JA, List.of("解約")));
        assertEquals(0, Synonyms.NONE.version());
    }

    private static List<List<String>> synonymsOf(Synonyms synonyms, LanguageFamily family, String query)
            throws IOException {
        return synonyms.of(family, words(family, query)).stream().map(Synonyms.Match::synonym).toList();
    }

    /** What the family's query analysis makes of {@code text}. */
    static List<String> words(LanguageFamily family, String text) throws IOException {
        List<String> words = new ArrayList<>();
        try (TokenStream stream = analysis.text(family).tokenStream(IndexFields.body(family), text)) {
            CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
            stream.reset();
            while (stream.incrementToken()) {
                words.add(term.toString());
            }
            stream.end();
        }
        return words;
    }
}
