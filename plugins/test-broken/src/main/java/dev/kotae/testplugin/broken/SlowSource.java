package dev.kotae.testplugin.broken;

import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SourceArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;

/**
 * A source whose first answer takes as long as the test wants: with the setting {@code releaseFile}, its
 * {@link #articles()} waits until that file exists (a test's readiness check runs meanwhile); without it,
 * it answers at once. Then it lists one article.
 */
@Extension
public class SlowSource implements ContentSource {

    private volatile Path releaseFile;

    @Override
    public void start(PluginContext context) {
        Object setting = context.settings().get("releaseFile");
        releaseFile = setting == null ? null : Path.of(setting.toString());
    }

    @Override
    public String sourceId() {
        return "slow";
    }

    @Override
    public List<SourceArticle> articles() throws InterruptedException {
        while (releaseFile != null && !Files.exists(releaseFile)) {
            Thread.sleep(20); // interrupted when the server's time box gives up on this call
        }
        return List.of(SourceArticle.builder().id("late").title("Late arrival from a slow source")
                .body("It took its time.").locale("en").build());
    }
}
