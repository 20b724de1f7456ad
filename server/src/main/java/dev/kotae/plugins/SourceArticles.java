package dev.kotae.plugins;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleRules;
import dev.kotae.content.ArticleType;
import dev.kotae.content.ContentException;
import dev.kotae.content.HtmlSanitizer;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.content.PlainTextRenderer;
import dev.kotae.content.Visibility;
import dev.kotae.plugin.BodyFormat;
import dev.kotae.plugin.SourceArticle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.HexFormat;
import java.util.Set;

/**
 * Turns a plugin's {@link SourceArticle} into an {@link Article} under the same rules as a Markdown file:
 * the same id, locale and title checks, the same defaults, and bodies made safe whatever their format
 * (Markdown with raw HTML escaped, HTML through an allow-list sanitiser, plain text escaped).
 */
public final class SourceArticles {

    /** Bump when conversion changes, so every plugin article is re-indexed once. */
    private static final String CONVERSION_VERSION = "2";
    private static final int MAX_BODY_CHARS = 2 * 1024 * 1024;

    private final MarkdownRenderer markdown;
    private final HtmlSanitizer html = new HtmlSanitizer();
    private final PlainTextRenderer text = new PlainTextRenderer();
    private final Set<String> locales;
    private final String defaultLocale;

    public SourceArticles(MarkdownRenderer markdown, Set<String> locales, String defaultLocale) {
        this.markdown = markdown;
        this.locales = Set.copyOf(locales);
        this.defaultLocale = defaultLocale;
    }

    /** The index's {@code source} value of a plugin source's articles. */
    public static String sourceKey(String pluginId, String sourceId) {
        return "plugin:" + pluginId + "/" + sourceId;
    }

    /**
     * The converted article.
     *
     * @throws ContentException when the article breaks a rule; the message says which
     */
    public Article convert(String pluginId, String sourceId, SourceArticle in) throws ContentException {
        ArticleRules.localId(in.id(), "");
        String title = ArticleRules.title(in.title(), "");
        // The API's enums carry the front matter's words, so one set of rules (and messages) serves both.
        ArticleType type = ArticleRules.type(in.type() == null ? null : in.type().value(), ArticleType.FAQ);
        Visibility visibility = ArticleRules.visibility(in.visibility() == null ? null : in.visibility().value(), type);
        String locale = ArticleRules.locale(in.locale(), defaultLocale);
        if (!locales.contains(locale)) {
            throw new ContentException("locale '" + locale + "' is not served (locales: " + locales + ")");
        }
        String body = in.body() == null ? "" : in.body();
        if (body.length() > MAX_BODY_CHARS) {
            throw new ContentException("body is longer than " + MAX_BODY_CHARS + " characters");
        }
        MarkdownRenderer.Rendered rendered = render(body, in.bodyFormat(), title);
        String category = ArticleRules.category(in.category());
        List<String> tags = ArticleRules.tags(in.tags());
        List<String> questions = ArticleRules.questions(in.questions());
        return new Article(sourceId + ":" + in.id(), title, type, visibility, locale, category, tags, questions,
                in.updated() != null ? in.updated() : LocalDate.now(),
                sourceKey(pluginId, sourceId), rendered.html(), rendered.text());
    }

    private MarkdownRenderer.Rendered render(String body, BodyFormat format, String title) throws ContentException {
        return switch (format == null ? BodyFormat.MARKDOWN : format) {
            case MARKDOWN -> markdown.render(body, title);
            case HTML -> html.sanitize(body);
            case TEXT -> text.render(body);
        };
    }

    /**
     * A fingerprint of everything the plugin said about the article: when it is unchanged, so is the
     * indexed document, and the article is not re-indexed.
     */
    public static String stamp(SourceArticle article) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((CONVERSION_VERSION + "\n" + article).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
