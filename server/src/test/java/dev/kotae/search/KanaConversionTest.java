package dev.kotae.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.IndexView;
import dev.kotae.index.SuggestKeys;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Kana of a query read as the help center writes its words, in the vocabulary the caller may see. */
class KanaConversionTest {

    @TempDir
    static Path folder;

    private static ArticleIndex index;
    private static SearchService search;

    @BeforeAll
    static void indexHelpCenter() throws IOException {
        Path content = folder.resolve("content");
        // 交換 is this help center's こうかん, in three articles; 好感 is in one.
        write(content, "exchange-1", "商品の交換", "交換をご希望の場合は、届いてから7日以内にご連絡ください。", false);
        write(content, "exchange-2", "サイズ交換", "サイズの交換は一度まで無料です。", false);
        write(content, "exchange-3", "不良品の交換", "不良品は交換または返金で対応します。", false);
        write(content, "review", "レビューの書き方", "好感の持てるレビューを書くこつ。", false);
        write(content, "refund", "返金の時期", "返金の期間は注文から7日以内です。", false);
        // 分割払い is one word of Kuromoji's (ブンカツバライ): 分割 alone is no word of this help center.
        write(content, "installments", "分割払いについて", "分割払いは3回からご利用いただけます。", false);
        // 督促 (とくそく) is in one article; a product whose name starts with トク is in two.
        write(content, "dunning", "督促のはがきが届いた", "お支払いがない場合、督促のはがきをお送りします。", false);
        write(content, "tokuwani-1", "トクワニの設定", "トクワニの画面から設定できます。", false);
        write(content, "tokuwani-2", "トクワニの通知", "トクワニの通知を止める方法です。", false);
        // キャンセル is written in katakana; キセル shares its bigram セル; an article all about 注文 outweighs
        // the cancel article on 注文 alone.
        write(content, "cancel", "注文のキャンセル", "発送前の注文はキャンセルできます。", false);
        write(content, "kiseru", "キセルの手入れ", "キセルとセルの掃除の手順です。", false);
        write(content, "order-history", "注文", "注文の履歴は、注文一覧から注文ごとに確認できます。", false);
        write(content, "password", "パスワードの再設定", "パスワードを忘れた場合の手順です。", false);
        // Only a playbook has 機密 (きみつ) and 社外秘 (しゃがいひ).
        write(content, "playbook", "機密の扱い", "社外秘の資料は機密として扱います。", true);
        Analysis analysis = new Analysis();
        index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(new SuggestKeys()), "test");
        new ContentSync(new ContentFolder(content), new ArticleParser(new MarkdownRenderer(), Set.of("ja"), "ja"),
                index).syncAll();
        search = new SearchService(index, analysis, new Locales(Set.of("ja"), audience -> Set.of("ja")));
    }

    @AfterAll
    static void close() throws IOException {
        index.close();
    }

    private static void write(Path content, String id, String title, String body, boolean internal) throws IOException {
        Path file = content.resolve("ja").resolve(id + ".md");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "---\nid: " + id + "\ntitle: " + title + "\ncategory: c\n"
                + (internal ? "visibility: internal\n" : "") + "---\n" + body + "\n");
    }

    private static KanaConversion.Conversion convert(String text, Audience audience) throws IOException {
        IndexView view = index.acquire();
        try {
            return KanaConversion.convert(text, SearchService.scope(view, audience, null).searcher().getIndexReader(),
                    audience);
        } finally {
            index.release(view);
        }
    }

    @Test
    void aHomophoneIsReadAsTheHelpCentersCommonForm() throws IOException {
        KanaConversion.Conversion conversion = convert("こうかん", Audience.PUBLIC);
        assertEquals("交換", conversion.readAs());
        KanaConversion.Word word = conversion.words().get(0);
        assertEquals("交換", word.forms().get(0).written());
        assertTrue(word.forms().get(0).share() > 0.7, "交換 has most of the reading's uses: " + word.forms());

        SearchResult result = search.search(new SearchRequest("こうかん", null, null, null, null, 1, 10, Audience.PUBLIC));
        assertTrue(result.hits().get(0).id().startsWith("exchange-"), "an exchange article first: " + result.hits());
        assertEquals("交換", result.didYouMean());
        assertTrue(result.corrected());
    }

    @Test
    void aWordOnlyAPlaybookHasIsNeverUsedForCustomers() throws IOException {
        assertFalse(convert("きみつ", Audience.PUBLIC).converted(), "機密 is only in a playbook");
        assertFalse(convert("しゃがいひ", Audience.PUBLIC).converted(), "社外秘 is only in a playbook");
        SearchResult result = search.search(new SearchRequest("きみつ", null, null, null, null, 1, 10, Audience.PUBLIC));
        assertNull(result.didYouMean(), "a customer is not told the playbook's word");
        assertTrue(result.hits().isEmpty(), "nor shown the playbook: " + result.hits());

        assertEquals("機密", convert("きみつ", Audience.AGENTS).readAs(), "an agent's kana use the playbooks' words");
    }

    @Test
    void kanaBesideKanjiWordsAndParticlesAreConverted() throws IOException {
        assertEquals("返金 期間", convert("返金 きかん", Audience.PUBLIC).readAs());
        assertEquals("返金の期間", convert("へんきんのきかん", Audience.PUBLIC).readAs());
        assertEquals("返金したい", convert("へんきんしたい", Audience.PUBLIC).readAs(), "an ending stays as typed");
        KanaConversion.Conversion mixed = convert("返金 きかん", Audience.PUBLIC);
        assertEquals(List.of("期間"), mixed.words().stream().map(KanaConversion.Word::written).toList());
        assertEquals("返金 " + "   ", mixed.unconverted(), "the converted kana make no bigrams");
    }

    @Test
    void kanaThatAreNoWordOfTheHelpCenterStayAsTyped() throws IOException {
        assertFalse(convert("ぱすわーど", Audience.PUBLIC).converted(), "the help center writes パスワード in kana");
        assertFalse(convert("どうすればいい", Audience.PUBLIC).converted(), "the rest of a sentence is no noun");
        assertFalse(convert("返金", Audience.PUBLIC).converted());
        assertFalse(convert("refund", Audience.PUBLIC).converted());
        assertFalse(convert("返金のきかん", Audience.PUBLIC).converted(), "kana touching a kanji were written so on purpose");
        assertEquals("交換返金", convert("こうかんへんきん", Audience.PUBLIC).readAs(), "hiragana: several words");
        assertFalse(convert("コウカンヘンキン", Audience.PUBLIC).converted(),
                "katakana is read as another word only when the whole run is one");
        assertEquals("返金", convert("ヘンキン", Audience.PUBLIC).readAs());
    }

    @Test
    void aWordTypedInTwoPartsIsReadAsOne() throws IOException {
        assertEquals("分割払い", convert("ぶんかつ ばらい", Audience.PUBLIC).readAs());
        SearchResult romaji = search.search(new SearchRequest("bunkatsu barai", null, null, null, null, 1, 10,
                Audience.PUBLIC));
        assertEquals("installments", romaji.hits().get(0).id(), "romaji typed in two parts too: " + romaji.hits());
        assertEquals("返金 期間", convert("へんきん きかん", Audience.PUBLIC).readAs(), "two words stay two");
    }

    @Test
    void piecesOfKanaReadAsAWordAreNoWordsOfTheirOwn() throws IOException {
        SearchResult result = search.search(new SearchRequest("とくそく", null, null, null, null, 1, 10, Audience.PUBLIC));
        assertEquals("督促", result.didYouMean());
        assertEquals(List.of("dunning"), result.hits().stream().map(SearchResult.Hit::id).toList(),
                "トク of とくそく does not find トクワニ");
    }

    @Test
    void aWordTheHelpCenterWritesInKanaIsSearchedAsOneWordWhenTypedInHiragana() throws IOException {
        KanaConversion.Conversion conversion = convert("きゃんせる", Audience.PUBLIC);
        assertFalse(conversion.converted(), "it stays as typed");
        assertEquals(List.of(new KanaConversion.KanaWord("キャンセル", 0, 5)), conversion.kanaWords());
        SearchResult result = search.search(new SearchRequest("きゃんせる", null, null, null, null, 1, 10, Audience.PUBLIC));
        assertEquals("cancel", result.hits().get(0).id(), "as キャンセル: " + result.hits());
        SearchResult romaji = search.search(new SearchRequest("kyanseru", null, null, null, null, 1, 10, Audience.PUBLIC));
        assertEquals("cancel", romaji.hits().get(0).id(), "romaji too: " + romaji.hits());
        SearchResult withWord = search.search(new SearchRequest("ちゅうもん きゃんせる", null, null, null, null, 1, 10,
                Audience.PUBLIC));
        assertEquals("cancel", withWord.hits().get(0).id(), "キャンセル counts as a word beside 注文: " + withWord.hits());
    }
}
