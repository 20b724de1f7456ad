package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.PluginsConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Images in articles from other sites ({@code site.imageSources}): the help center's pages allow the
 * configured sources in their security policy and show them; an image from anywhere else is a link on
 * the page and in a widget on another site, so no customer's browser fetches it unasked.
 */
class ArticleImagesIT {

    private static final String DEFLECT = "widget-contact-deflect";
    private static final String ALLOWED = "https://cdn.example.com/hc/login.png";
    private static final String ELSEWHERE = "https://tracker.example.net/pixel.gif";

    @Test
    void imagesFromConfiguredSourcesShowAndOthersAreLinks(@TempDir Path work) throws Exception {
        sampleContentWithArticle(work, """
                ログイン画面は次のとおりです。

                ![ログイン画面](%s)

                ![](%s)
                """.formatted(ALLOWED, ELSEWHERE));
        Path plugins = KotaeServer.pluginFolder(work, DEFLECT + ".jar");
        try (KotaeServer server = KotaeServer.configured(work,
                new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work),
                config -> config.withSite(config.site().withImageSources(List.of("https://cdn.example.com"))))) {
            KotaeServer.Reply page = server.get("/articles/login-screen");
            assertEquals(200, page.status(), page.body());
            assertTrue(page.header("content-security-policy").contains("img-src 'self' data: https://cdn.example.com;"),
                    page.header("content-security-policy"));
            assertTrue(page.body().contains("<img src=\"" + ALLOWED + "\" alt=\"ログイン画面\""), page.body());
            assertTrue(page.body().contains("<a href=\"" + ELSEWHERE
                    + "\" rel=\"nofollow noopener noreferrer\" class=\"external-image\">pixel.gif</a>"), page.body());
            assertFalse(page.body().contains("<img src=\"" + ELSEWHERE), "an image the policy would block");

            String widgetHtml = server.get("/api/v1/widgets/" + DEFLECT + "/article?id=login-screen").json()
                    .get("html").asText();
            assertTrue(widgetHtml.contains("<img src=\"" + ALLOWED + "\""), widgetHtml);
            assertTrue(widgetHtml.contains("<a href=\"" + ELSEWHERE + "\""), widgetHtml);
            assertFalse(widgetHtml.contains("<img src=\"" + ELSEWHERE), "the shop's page would load it");

            KotaeServer.Reply api = server.get("/api/v1/articles/login-screen");
            assertTrue(api.json().get("html").asText().contains("<img src=\"" + ELSEWHERE + "\""),
                    "the API gives the article as written: its caller decides where it shows");
        }
    }

    @Test
    void withoutSourcesEveryImageFromAnotherSiteIsALink(@TempDir Path work) throws Exception {
        sampleContentWithArticle(work, "![ログイン画面](" + ALLOWED + ")\n");
        try (KotaeServer server = KotaeServer.configured(work, PluginsConfig.none(), config -> config)) {
            KotaeServer.Reply page = server.get("/articles/login-screen");
            assertEquals(SecurityHeaders.PAGE_POLICY, page.header("content-security-policy"));
            assertTrue(page.body().contains("<a href=\"" + ALLOWED
                    + "\" rel=\"nofollow noopener noreferrer\" class=\"external-image\">ログイン画面</a>"), page.body());
        }
    }

    /** The sample content in {@code work/content}, with the article {@code login-screen} whose body is {@code body}. */
    private static void sampleContentWithArticle(Path work, String body) throws Exception {
        Path content = work.resolve("content");
        KotaeServer.copyTree(KotaeServer.sampleContent(), content);
        Files.writeString(content.resolve("ja/login-screen.md"), """
                ---
                id: login-screen
                title: ログイン画面の見方
                locale: ja
                ---
                """ + body);
    }
}
