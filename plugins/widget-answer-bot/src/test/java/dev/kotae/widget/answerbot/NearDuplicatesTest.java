package dev.kotae.widget.answerbot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.HelpCenter.ArticleView;
import dev.kotae.widget.answerbot.NearDuplicates.Fingerprint;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NearDuplicatesTest {

    /** The sample help center's Markdown article (abridged) and the sample Zendesk export's copy of it. */
    private static final ArticleView MARKDOWN_PASSWORD = view("password-reset", "パスワードを忘れた場合の再設定方法",
            List.of("PWを忘れた", "ログインできない", "パスワードを再設定したい"),
            "パスワードを忘れてしまった場合は、ログイン画面から新しいパスワードを設定し直せます。"
                    + "ログイン画面の「パスワードをお忘れの方」を押します。ご登録のメールアドレスを入力し、「送信」を押します。"
                    + "届いた「パスワード再設定のご案内」メールのリンクを開きます。リンクの有効期限は30分です。"
                    + "新しいパスワードを2回入力して、設定を完了します。迷惑メールフォルダをご確認ください。");
    private static final ArticleView ZENDESK_PASSWORD = view("zendesk:360041000011", "パスワードを忘れた場合", List.of(),
            "ログイン画面の「パスワードをお忘れですか？」を押し、ご登録のメールアドレスを入力してください。"
                    + "パスワード再設定用のリンクをメールでお送りします。メールに記載のリンクを開きます。"
                    + "新しいパスワード（8文字以上）を2回入力します。「保存」を押すと、新しいパスワードでログインできます。"
                    + "リンクの有効期限は24時間です。メールが届かない場合は迷惑メールフォルダをご確認ください。");
    /** Another article about e-mail and signing in: many shared words, another question. */
    private static final ArticleView ZENDESK_EMAIL = view("zendesk:360041000016", "登録メールアドレスの変更", List.of(),
            "マイページの「会員情報」を開き、新しいメールアドレスを入力してください。"
                    + "新しいアドレスに確認メールをお送りします。メールのリンクを開くと変更が完了し、次回から新しいアドレスでログインできます。");

    @Test
    void normalisingKeepsLettersAndDigitsOnly() {
        assertEquals("パスワードをお忘れですか", NearDuplicates.normalise("「パスワードを　お忘れですか？」"));
        assertEquals("pw8文字以上", NearDuplicates.normalise("ＰＷ（８文字以上）"), "full-width folded, lower case");
        assertEquals("iforgotmypassword", NearDuplicates.normalise("I forgot my password!"));
        assertEquals("", NearDuplicates.normalise(null));
    }

    @Test
    void phrasingsAreCutIntoBigramsWithoutTheGrammar() {
        assertEquals(Set.of("パス", "スワ", "ワー", "ード"), NearDuplicates.phrasingShingles("パスワード"));
        // 「いは」「はで」「でき」「きま」「ます」「すか」 are grammar: every question has them.
        assertEquals(Set.of("分割", "割払", "払い"), NearDuplicates.phrasingShingles("分割払いはできますか？"));
        assertEquals(Set.of("a"), NearDuplicates.phrasingShingles("a!"));
        assertEquals(Set.of(), NearDuplicates.phrasingShingles("。"));
    }

    @Test
    void bodiesAreCutInto4Grams() {
        assertEquals(Set.of("パスワー", "スワード"), NearDuplicates.bodyShingles("パスワード"));
        assertEquals(Set.of("まずはロ", "ずはログ", "はログイ", "ログイン"), NearDuplicates.bodyShingles("まずはログイン"),
                "grammar counts in a body: it is long enough to make 4-grams specific");
        assertEquals(Set.of("はい"), NearDuplicates.bodyShingles("はい。"), "shorter than a shingle: kept whole");
    }

    @Test
    void similarityAndOverlap() {
        Set<String> ab = Set.of("a", "b");
        Set<String> abcd = Set.of("a", "b", "c", "d");
        assertEquals(0.5, NearDuplicates.similarity(ab, abcd));
        assertEquals(1.0, NearDuplicates.overlap(ab, abcd), "the shorter one is wholly inside the longer");
        assertEquals(0, NearDuplicates.similarity(Set.of(), Set.of()));
        assertEquals(0, NearDuplicates.overlap(Set.of(), abcd));
    }

    @Test
    void anArticleAndItsImportAreNearDuplicates() {
        Fingerprint markdown = Fingerprint.of(MARKDOWN_PASSWORD);
        Fingerprint zendesk = Fingerprint.of(ZENDESK_PASSWORD);
        assertTrue(NearDuplicates.questionSimilarity(markdown, zendesk) >= NearDuplicates.MIN_QUESTION_SIMILARITY);
        assertTrue(NearDuplicates.overlap(markdown.body(), zendesk.body()) >= NearDuplicates.MIN_BODY_OVERLAP);
        assertTrue(NearDuplicates.nearDuplicates(markdown, zendesk));
        assertTrue(NearDuplicates.nearDuplicates(zendesk, markdown), "symmetric");
    }

    @Test
    void sharedWordsAreNotEnoughForAnotherQuestion() {
        assertFalse(NearDuplicates.nearDuplicates(Fingerprint.of(MARKDOWN_PASSWORD), Fingerprint.of(ZENDESK_EMAIL)));
    }

    @Test
    void twinsOfOneSourceOrOfTwoLocalesAreNotNearDuplicates() {
        ArticleView sameSource = view("password-reset-2", MARKDOWN_PASSWORD.title(), MARKDOWN_PASSWORD.questions(),
                MARKDOWN_PASSWORD.text());
        assertFalse(NearDuplicates.nearDuplicates(Fingerprint.of(MARKDOWN_PASSWORD), Fingerprint.of(sameSource)));

        ArticleView english = new ArticleView("zendesk:1", MARKDOWN_PASSWORD.title(), "en", "cat", List.of(), "/articles/x",
                "", MARKDOWN_PASSWORD.text(), List.of(), null);
        assertFalse(NearDuplicates.nearDuplicates(Fingerprint.of(MARKDOWN_PASSWORD), Fingerprint.of(english)));
    }

    private static ArticleView view(String id, String title, List<String> questions, String text) {
        return new ArticleView(id, title, "ja", "cat", List.of(), "/articles/" + id, "<p>" + text + "</p>", text,
                questions, null);
    }
}
