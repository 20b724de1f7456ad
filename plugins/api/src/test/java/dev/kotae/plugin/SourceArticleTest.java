package dev.kotae.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SourceArticleTest {

    @Test
    void theBuilderSetsEachFieldByNameAndLeavesTheRestToTheServersDefaults() {
        SourceArticle article = SourceArticle.builder().id("42").title("送料").body("全国一律です。").locale("ja").build();
        assertEquals(new SourceArticle("42", "送料", "全国一律です。", null, null, null, "ja", null, null, null, null),
                article);
        assertNull(article.visibility(), "null: the server's default for the type");
    }

    @Test
    void requiredFieldsAreNamedWhenMissing() {
        NullPointerException noTitle = assertThrows(NullPointerException.class,
                () -> SourceArticle.builder().id("42").body("").build());
        assertTrue(noTitle.getMessage().contains("title"), noTitle.getMessage());
        assertThrows(NullPointerException.class, () -> SourceArticle.builder().title("t").body("").build());
        assertThrows(NullPointerException.class, () -> SourceArticle.builder().id("42").title("t").build());
    }

    @Test
    void toBuilderCopiesEveryField() {
        SourceArticle full = new SourceArticle("a", "T", "<p>x</p>", BodyFormat.HTML, ArticleType.PLAYBOOK,
                Visibility.INTERNAL, "en", "Billing", List.of("t"), List.of("q?"), LocalDate.of(2026, 4, 1));
        assertEquals(full, full.toBuilder().build());
        assertEquals("b", full.toBuilder().id("b").build().id());
    }

    @Test
    void enumsCarryTheFrontMattersWords() {
        assertEquals("internal", Visibility.INTERNAL.value());
        assertEquals("playbook", ArticleType.PLAYBOOK.toString());
        assertEquals(BodyFormat.TEXT, BodyFormat.fromValue("text"));
        assertEquals(Visibility.PUBLIC, Visibility.fromValue("public"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Visibility.fromValue("PUBLIC"));
        assertEquals("visibility must be public or internal (got 'PUBLIC')", e.getMessage());
        // The server fingerprints an article by its text form: the words, as before the enums, keep it stable.
        assertTrue(SourceArticle.builder().id("a").title("t").body("").bodyFormat(BodyFormat.HTML).build().toString()
                .contains("bodyFormat=html"));
    }
}
