package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.SearchConfig;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexView;
import dev.kotae.index.LanguageFamily;
import dev.kotae.index.SuggestKeys;
import dev.kotae.synonyms.Synonyms;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Synonyms in a search: what a synonym finds is found, below what the customer's own word finds; a
 * change of the set is answered at once, never from results kept for the set before; and what the
 * audience may not see stays unseen whatever the synonyms say.
 */
class SynonymSearchTest {

    @TempDir
    static Path folder;

    private static Analysis analysis;
    private static ArticleIndex index;
    private static final AtomicReference<Synonyms> SYNONYMS = new AtomicReference<>(Synonyms.NONE);

    @BeforeAll
    static void indexHelpCenter() throws IOException {
        Path content = folder.resolve("content");
        write(content, "ja", "cancel-membership", "解約の手順", "解約はマイページからいつでもできます。", false);
        write(content, "ja", "leave-membership", "退会の手順", "退会はマイページからいつでもできます。", false);
        write(content, "ja", "receipt", "領収書の発行", "領収書はご注文履歴からダウンロードできます。", false);
        write(content, "ja", "chargeback", "チャージバックの対応", "カード会社からの照会に回答します。", true);
        write(content, "en", "close-account", "Close your account", "You can close your account from My Page.", false);
        write(content, "en", "cancel-order", "Cancel an order", "You can cancel an order before it ships.", false);
        analysis = new Analysis();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(new SuggestKeys()), "test");
        new ContentSync(new ContentFolder(content), new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"),
                index).syncAll();
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
        analysis.close();
    }

    @BeforeEach
    void noSynonyms() {
        SYNONYMS.set(Synonyms.NONE);
    }

    private static SearchService search(SearchConfig.Ranking ranking) {
        return new SearchService(index, analysis, new Locales(Set.of("ja", "en"), audience -> Set.of("ja", "en")),
                8L << 20, ranking, 0, SYNONYMS::get);
    }

    @ParameterizedTest
    @EnumSource(SearchConfig.Ranking.class)
    void aSynonymFindsWhatTheWordDoesNotAndAChangeIsAnsweredAtOnce(SearchConfig.Ranking ranking) throws Exception {
        SearchService search = search(ranking);
        assertEquals(List.of(), ids(search, "レシート", Audience.PUBLIC), "no article says レシート");

        SYNONYMS.set(Synonyms.parse("領収書, レシート", analysis, 1));
        assertEquals(List.of("receipt"), ids(search, "レシート", Audience.PUBLIC),
                "the same index version: the kept result of the set before is not the answer");

        SYNONYMS.set(Synonyms.NONE);
        assertEquals(List.of(), ids(search, "レシート", Audience.PUBLIC), "and back");
    }

    @ParameterizedTest
    @EnumSource(SearchConfig.Ranking.class)
    void theCustomersOwnWordRanksFirst(SearchConfig.Ranking ranking) throws Exception {
        SearchService search = search(ranking);
        SYNONYMS.set(Synonyms.parse("解約, 退会\nclose account, cancel", analysis, 1));
        assertEquals(List.of("cancel-membership", "leave-membership"), ids(search, "解約", Audience.PUBLIC));
        assertEquals(List.of("leave-membership", "cancel-membership"), ids(search, "退会", Audience.PUBLIC));
        assertEquals(List.of("cancel-order", "close-account"), ids(search, "cancel", Audience.PUBLIC));
        assertEquals(List.of("close-account", "cancel-order"), ids(search, "close account", Audience.PUBLIC));
    }

    @Test
    void aSynonymOpensNothingTheAudienceMayNotSee() throws Exception {
        SearchService search = search(SearchConfig.Ranking.EXACT);
        SYNONYMS.set(Synonyms.parse("返金トラブル => チャージバック", analysis, 1));
        assertEquals(List.of(), ids(search, "返金トラブル", Audience.PUBLIC));
        assertEquals(List.of("chargeback"), ids(search, "返金トラブル", Audience.AGENTS));
    }

    @Test
    void synonymClausesWeighLessThanTheWordsTheyStandFor() throws Exception {
        TextQueries queries = new TextQueries(analysis);
        Synonyms synonyms = Synonyms.parse("解約, 退会\ncancel => close account\nstop => cancel", analysis, 1);
        IndexView view = index.acquire();
        try {
            TextQueries.TermQueries terms = TextQueries.TermQueries.of(SearchService.scope(view, Audience.PUBLIC, null));
            assertEquals(List.of("WORD 解約 1.0", "SYNONYM 退会 0.8"),
                    clauses(queries.build("解約", KanaConversion.Conversion.NONE, Set.of(LanguageFamily.JA), terms, synonyms), false));
            assertEquals(List.of("WORD 解約 1.0", "WORD 退会 1.0"),
                    clauses(queries.build("解約 退会", KanaConversion.Conversion.NONE, Set.of(LanguageFamily.JA), terms, synonyms), false),
                    "a word typed is not added again as a synonym");
            assertEquals(List.of("WORD cancel 1.0", "SYNONYM close 0.4", "SYNONYM account 0.4"),
                    clauses(queries.build("cancel", KanaConversion.Conversion.NONE, Set.of(LanguageFamily.EN), terms, synonyms), false),
                    "a synonym of two words weighs as one of one word, shared");
            assertEquals(List.of("WORD stop 1.0", "WORD cancel 1.0", "JOINED_PAIR stopcancel 1.0", "SYNONYM close 0.4",
                    "SYNONYM account 0.4"),
                    clauses(queries.build("stop cancel", KanaConversion.Conversion.NONE, Set.of(LanguageFamily.EN), terms, synonyms), false),
                    "one-way rules do not chain, and cancel, typed, is not its own synonym");
            assertEquals(List.of(), clauses(queries.build("解約", KanaConversion.Conversion.NONE, Set.of(LanguageFamily.JA), terms, Synonyms.NONE), true));
        } finally {
            index.release(view);
        }
    }

    private static List<String> clauses(TextQuery query, boolean onlySynonyms) {
        return query.clauses().stream().filter(clause -> clause.kind() != TextQuery.Kind.KANA_GRAM)
                .filter(clause -> !onlySynonyms || clause.kind() == TextQuery.Kind.SYNONYM)
                .map(clause -> clause.kind() + " " + clause.text() + " " + clause.weight()).toList();
    }

    private static List<String> ids(SearchService search, String text, Audience audience) throws IOException {
        return search.search(new SearchRequest(text, null, null, null, null, 1, 10, audience)).hits().stream()
                .map(SearchResult.Hit::id).toList();
    }

    private static void write(Path content, String locale, String id, String title, String body, boolean internal)
            throws IOException {
        Path file = content.resolve(locale).resolve(id + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\nid: " + id + "\ntitle: " + title + "\n"
                + (internal ? "visibility: internal\n" : "") + "---\n" + body + "\n");
    }
}
