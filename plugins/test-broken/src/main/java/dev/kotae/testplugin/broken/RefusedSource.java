package dev.kotae.testplugin.broken;

import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SourceArticle;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;

/**
 * Starts fine, then the server refuses to register it (its source id is malformed). What its start took
 * must be given back: its {@link #stop()} leaves {@code refused-source.stopped} in the plugin's data
 * folder, for the test to find.
 */
@Extension
public class RefusedSource implements ContentSource {

    private volatile Path dataFolder;

    @Override
    public void start(PluginContext context) {
        dataFolder = context.dataFolder();
        mark("refused-source.started");
    }

    @Override
    public String sourceId() {
        return "Not a valid id!";
    }

    @Override
    public List<SourceArticle> articles() {
        return List.of();
    }

    @Override
    public void stop() {
        mark("refused-source.stopped");
    }

    private void mark(String name) {
        try {
            Files.writeString(dataFolder.resolve(name), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
