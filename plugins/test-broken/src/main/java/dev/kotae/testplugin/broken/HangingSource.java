package dev.kotae.testplugin.broken;

import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.SourceArticle;
import java.util.List;
import org.pf4j.Extension;

/** Never returns from {@link #articles()}, not even when interrupted: the worst a plugin can do. */
@Extension
public class HangingSource implements ContentSource {

    @Override
    public String sourceId() {
        return "hang";
    }

    @Override
    public List<SourceArticle> articles() {
        while (true) {
            try {
                Thread.sleep(60_000);
            } catch (InterruptedException ignored) {
                // deliberately ignored: a stuck plugin does not cooperate
            }
        }
    }
}
