package dev.kotae.testplugin.broken;

import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.Widget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.pf4j.Extension;

/**
 * Refuses to start, after taking something: its {@link #stop()} must still be called, and leaves
 * {@code exploding-widget.stopped} in the plugin's data folder for the test to find.
 */
@Extension
public class ExplodingWidget implements Widget {

    private volatile Path dataFolder;

    @Override
    public void start(PluginContext context) {
        dataFolder = context.dataFolder();
        mark("exploding-widget.started");
        throw new IllegalStateException("exploding widget: broken on purpose");
    }

    @Override
    public void stop() {
        mark("exploding-widget.stopped");
    }

    private void mark(String name) {
        try {
            Files.writeString(dataFolder.resolve(name), name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
