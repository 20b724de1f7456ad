package dev.kotae.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleType;
import dev.kotae.content.Visibility;
import dev.kotae.editing.EditableArticle;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The editor form's fields to an article and back: lists, defaults, line ends, dates and URL names. */
class ArticleFormTest {

    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Test
    void fieldsBecomeAnArticleWithListsSplitAndTheBrowsersLineEndsMadeLf() throws Exception {
        MultivaluedHashMap<String, String> posted = new MultivaluedHashMap<>();
        Map.of("id", " returns ", "title", "返品について", "category", "返品", "tags", "返品, ,送料 ,返品2、定期便，お休み",
                "questions", "返品できますか\r\n\r\n 送料は？ \r\n", "type", "faq", "visibility", "", "locale", "ja",
                "body", "一行目\r\n\r\n- 項目\r\n", "publishAt", "2026-12-24T09:00").forEach(posted::add);
        ArticleForm form = ArticleForm.from(posted);
        EditableArticle article = form.article();
        assertEquals("returns", article.id());
        assertEquals(List.of("返品", "送料", "返品2", "定期便", "お休み"), article.tags(), "、 and ， separate tags too");
        assertEquals(List.of("返品できますか", "送料は？"), article.questions());
        assertEquals(ArticleType.FAQ, article.type());
        assertNull(article.visibility(), "empty means the type's default, left out of the file");
        assertEquals("一行目\n\n- 項目\n", article.body());
        assertEquals(Instant.parse("2026-12-24T00:00:00Z"), form.publishAt(TOKYO), "09:00 in Tokyo");
    }

    @Test
    void anArticleShownInTheFormReadsBackTheSame() throws Exception {
        EditableArticle article = new EditableArticle("a.b-c", "T", ArticleType.PLAYBOOK, Visibility.INTERNAL, "en",
                "Cat", List.of("x", "y"), List.of("q1", "q2"), "key", "Body\n");
        ArticleForm form = ArticleForm.of(article, Instant.parse("2026-12-24T00:00:00Z"), TOKYO);
        assertEquals("x, y", form.tags());
        assertEquals("q1\nq2", form.questions());
        assertEquals("2026-12-24T09:00", form.publishAt());
        assertEquals(article, form.article());
        assertTrue(form.sameArticle(new ArticleForm("a.b-c", "T", "Cat", "x,y", "q1\r\nq2", "playbook", "internal", "en",
                "key", "Body\r\n", "2026-12-24T09:00:00")), "spacing of lists, line ends and seconds make no change");
        assertFalse(form.sameArticle(form.withId("other")));
        assertFalse(form.sameArticle(new ArticleForm("a.b-c", "T", "Cat", "x, y", "q1\nq2", "playbook", "internal",
                "en", "key", "Body\n", "2026-12-25T09:00")), "another publish time is a change");
        assertFalse(form.sameArticle(new ArticleForm("a.b-c", "T", "Cat", "x, y", "q1\nq2", "playbook", "internal",
                "en", "key", "Body\n", "")), "so is none");
    }

    @Test
    void unreadableFieldsAreNamedWithTheirMessageKeys() {
        ArticleForm.Invalid invalid = assertThrows(ArticleForm.Invalid.class, () -> new ArticleForm("bad id!", "", "",
                "", "", "essay", "secret", "日本", "", "", "tomorrow").article());
        assertEquals(Map.of("id", "editor.error.idFormat", "type", "editor.error.type", "visibility",
                "editor.error.visibility", "locale", "editor.error.locale", "publishAt", "editor.error.publishAt"),
                invalid.errors());
        for (String key : invalid.errors().values()) {
            assertFalse(Messages.of("en").text(key).equals(key), "no message for " + key);
        }
        assertEquals(Map.of("id", "editor.error.idRequired"), assertThrows(ArticleForm.Invalid.class,
                () -> new ArticleForm("", "t", "", "", "", "", "", "", "", "", "").article()).errors());
    }

    @Test
    void aPublishTimeOutsideTheYears2000To9999IsAFieldErrorAndAStoredOneStillShows() throws Exception {
        for (String typed : List.of("+10000-01-01T00:00", "1999-12-31T23:59", "+999999999-12-31T23:59")) {
            ArticleForm form = new ArticleForm("a", "t", "", "", "", "", "", "", "", "", typed);
            assertEquals(Map.of("publishAt", "editor.error.publishAt"),
                    assertThrows(ArticleForm.Invalid.class, form::article).errors(), typed);
        }
        assertEquals(Instant.parse("9999-12-31T14:59:00Z"),
                new ArticleForm("a", "t", "", "", "", "", "", "", "", "", "9999-12-31T23:59").publishAt(TOKYO));
        EditableArticle article = new EditableArticle("a", "t", null, null, null, null, List.of(), List.of(), null, "");
        Instant farOut = Instant.parse("+1000000000-06-01T00:00:00Z");
        ArticleForm shown = ArticleForm.of(article, farOut, TOKYO);
        assertEquals(farOut.toString(), shown.publishAt(), "shown as stored, not converted");
        assertThrows(ArticleForm.Invalid.class, shown::article, "and saving it asks for another time");
    }

    @Test
    void anAsciiTitleSuggestsAUrlNameAndAJapaneseOneDoesNot() {
        assertEquals("reset-your-password", ArticleForm.suggestedId("Reset your password"));
        assertEquals("what-s-new-in-2026", ArticleForm.suggestedId("  What's new in 2026?  "));
        assertEquals("", ArticleForm.suggestedId("パスワードの再設定"));
        assertEquals("", ArticleForm.suggestedId("Café"));
        assertTrue(ArticleForm.suggestedId("word ".repeat(40)).length() <= 80, "at most 80 characters");
        assertFalse(ArticleForm.suggestedId("word ".repeat(40)).endsWith("-"));
    }
}
