package dev.kotae.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.content.Article;
import dev.kotae.util.Texts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * schema.org {@code FAQPage} data for a FAQ article, so search engines can show the answer. The JSON is
 * written into a {@code <script>} element, so {@code <}, {@code >} and {@code &} are escaped as
 * {@code \}{@code u003c}… (valid JSON, and no {@code </script>} can end the element early).
 */
final class FaqJsonLd {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FaqJsonLd() {}

    /**
     * The longest answer given as its HTML; a longer one is given as its text, cut to this many
     * characters. A large table made the data several times the page (every {@code <} written as six
     * characters), and search engines show a few lines of it.
     */
    static final int MAX_ANSWER_CHARS = 20_000;

    static String of(Article article, String url) {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("@type", "Answer");
        answer.put("text", article.html().length() <= MAX_ANSWER_CHARS ? article.html()
                : Texts.shortened(article.text(), MAX_ANSWER_CHARS));
        Map<String, Object> question = new LinkedHashMap<>();
        question.put("@type", "Question");
        question.put("name", article.title());
        question.put("acceptedAnswer", answer);
        Map<String, Object> page = new LinkedHashMap<>();
        page.put("@context", "https://schema.org");
        page.put("@type", "FAQPage");
        page.put("url", url);
        page.put("inLanguage", article.locale());
        page.put("dateModified", article.updated().toString());
        page.put("mainEntity", List.of(question));
        try {
            return JSON.writeValueAsString(page).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of strings always serialise", e);
        }
    }
}
