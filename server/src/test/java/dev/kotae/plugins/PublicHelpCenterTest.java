package dev.kotae.plugins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.ImageSources;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.index.Analysis;
import dev.kotae.index.ArticleDocuments;
import dev.kotae.index.ArticleIndex;
import dev.kotae.index.ContentSync;
import dev.kotae.index.SuggestKeys;
import dev.kotae.plugin.HelpCenter.ArticleView;
import dev.kotae.search.ArticleService;
import dev.kotae.search.Locales;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What plugins read of an article: the phrasings and date the answer bot needs to fold copies of one
 * answer, images only from where the help center shows them, and nothing of an internal article.
 */
class PublicHelpCenterTest {

    @Test
    void anArticleViewCarriesItsQuestionsDateAndSource(@TempDir Path folder) throws Exception {
        Path content = Files.createDirectories(folder.resolve("content/ja"));
        Files.writeString(content.resolve("password-reset.md"), """
                ---
                id: password-reset
                title: パスワードを忘れた場合
                locale: ja
                updated: 2026-10-08
                questions:
                  - PWを忘れた
                  - ログインできない
                ---
                ログイン画面の「パスワードをお忘れの方」を押します。

                ![ログイン画面](https://cdn.example.com/login.png) ![追跡](https://tracker.example.net/p.gif)
                """);
        Files.writeString(content.resolve("secret.md"), """
                ---
                id: secret
                title: 社内の手順
                locale: ja
                visibility: internal
                ---
                社内向けです。
                """);
        try (Analysis analysis = new Analysis(); SuggestKeys keys = new SuggestKeys();
                ArticleIndex index = ArticleIndex.open(folder.resolve("index"), analysis, new ArticleDocuments(keys), "test")) {
            new ContentSync(new ContentFolder(folder.resolve("content")),
                    new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja"), index).syncAll();
            Locales locales = new Locales(Set.of("ja", "en"), audience -> Set.of("ja", "en"));
            SearchService search = new SearchService(index, analysis, locales);
            PublicHelpCenter helpCenter = new PublicHelpCenter(search, new SuggestService(index, keys, search, locales),
                    new ArticleService(index, analysis), ImageSources.of(List.of("https://cdn.example.com")));

            ArticleView view = helpCenter.article("password-reset").orElseThrow();
            assertEquals(List.of("PWを忘れた", "ログインできない"), view.questions());
            assertEquals(LocalDate.of(2026, 10, 8), view.updated());
            assertEquals(Optional.empty(), view.sourceId(), "the help center's own file");
            assertTrue(view.text().contains("パスワードをお忘れの方"), view.text());
            // A widget shows the body on another site: only images the help center's pages would show load there.
            assertTrue(view.html().contains("<img src=\"https://cdn.example.com/login.png\""), view.html());
            assertTrue(view.html().contains("<a href=\"https://tracker.example.net/p.gif\" rel=\"nofollow noopener"
                    + " noreferrer\" class=\"external-image\">追跡</a>"), view.html());
            assertTrue(helpCenter.article("secret").isEmpty(), "internal articles never reach plugins");
        }
    }
}
