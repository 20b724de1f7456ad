package com.example.kotae.hello;

import dev.kotae.plugin.ArticleType;
import dev.kotae.plugin.BodyFormat;
import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SourceArticle;
import dev.kotae.plugin.Visibility;
import java.util.List;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A content source with two articles built from the settings: a Japanese and an English FAQ. The server
 * serves them as {@code hello:welcome-ja} and {@code hello:welcome-en} and searches them together with the
 * Markdown articles.
 *
 * <p>{@code @Extension} is all PF4J needs: its annotation processor lists this class in
 * {@code META-INF/extensions.idx}, and the server creates it with the public no-argument constructor.
 */
@Extension
public class HelloSource implements ContentSource {

    private static final Logger log = LoggerFactory.getLogger(HelloSource.class);

    // Set in start() on one thread, read in articles() on the server's refresh thread.
    private volatile List<SourceArticle> articles = List.of();

    /** Reads the settings once; throwing here refuses to start and shows the message to administrators. */
    @Override
    public void start(PluginContext context) {
        HelloSettings settings = context.settings(HelloSettings.class);
        articles = List.of(japanese(settings.greeting()), english(settings.greeting()));
        log.info("hello-plugin: serving {} articles as {}:*", articles.size(), sourceId());
    }

    /** Prefixes every article id: {@code welcome-en} is served as {@code hello:welcome-en}. Keep it stable. */
    @Override
    public String sourceId() {
        return "hello";
    }

    /**
     * Every article, every time. The server compares the list with what it indexed before and re-indexes
     * only what changed, so returning the same articles again costs nothing. A source whose data changes
     * (a file, a remote API) calls {@code context.sourceChanged("hello")} to have this called again.
     */
    @Override
    public List<SourceArticle> articles() {
        return articles;
    }

    private static SourceArticle japanese(String greeting) {
        // Every field of a Markdown article's front matter, each by name. Unset fields get the defaults
        // (type faq, visibility public for FAQs, the server's default locale, today's date).
        return SourceArticle.builder()
                .id("welcome-ja") // id within the source
                .title("このヘルプセンターの使い方")
                .body(greeting + "\n\n"
                        + "知りたいことを検索ボックスに入力してください。**文章のままでも**検索できます。\n\n"
                        + "答えが見つからないときは、お問い合わせフォームからご連絡ください。")
                .bodyFormat(BodyFormat.MARKDOWN) // MARKDOWN (default), HTML or TEXT
                .type(ArticleType.FAQ)
                .visibility(Visibility.PUBLIC)
                .locale("ja") // must be one the server serves
                .category("はじめに")
                .tags(List.of("ヘルプ", "使い方"))
                // Other phrasings of the question, for search and suggestions.
                .questions(List.of("使い方がわからない", "検索のしかた"))
                .build(); // updated unset: the day it is first indexed
    }

    private static SourceArticle english(String greeting) {
        // The common case: a public FAQ in Markdown needs only its id, title, body and locale.
        return SourceArticle.builder()
                .id("welcome-en")
                .title("How to use this help center")
                .body(greeting + "\n\n"
                        + "Type your question into the search box; a whole sentence works too.\n\n"
                        + "If you cannot find an answer, please contact us through the contact form.")
                .locale("en")
                .build();
    }
}
