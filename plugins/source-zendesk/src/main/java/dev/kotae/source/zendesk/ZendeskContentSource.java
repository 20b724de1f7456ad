package dev.kotae.source.zendesk;

import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SourceArticle;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Zendesk Help Center export as a Kotae content source. Reads the export folder named in the settings
 * on every {@link #articles()} call and has the server watch the folder, so a new export is indexed within
 * seconds of being copied in.
 *
 * <p>See {@link ZendeskSettings} for the settings and {@link ArticleMapper} for the mapping rules.
 */
@Extension
public final class ZendeskContentSource implements ContentSource {

    /** The plugin id, as in the jar's manifest. */
    public static final String PLUGIN_ID = "source-zendesk";

    private static final Logger LOG = LoggerFactory.getLogger(ZendeskContentSource.class);

    private final ExportReader reader = new ExportReader();
    // Written in start(), read on the server's refresh thread.
    private volatile ZendeskSettings settings;
    private volatile Path folder;
    private volatile List<String> lastWarnings = List.of();

    /**
     * Reads the settings, checks that the export folder exists and asks the server to watch it.
     *
     * @throws IllegalArgumentException for a bad or unknown setting
     * @throws IllegalStateException when the export folder does not exist
     */
    @Override
    public void start(PluginContext context) {
        ZendeskSettings started = context.settings(ZendeskSettings.class);
        Path resolved = context.resolvePath(started.folder()).toAbsolutePath().normalize();
        if (!Files.isDirectory(resolved)) {
            throw new IllegalStateException("plugins.source-zendesk: the export folder " + resolved
                    + " (folder: " + started.folder() + ") does not exist or is not a folder;"
                    + " create it and save the Zendesk Help Center export (articles*.json) there");
        }
        settings = started;
        folder = resolved;
        context.watch(started.sourceId(), List.of(resolved));
        LOG.info("source-zendesk: serving the export in {} as source {}", resolved, started.sourceId());
    }

    @Override
    public String sourceId() {
        ZendeskSettings current = settings;
        return current == null ? ZendeskSettings.DEFAULT_SOURCE_ID : current.sourceId();
    }

    /**
     * Reads the export folder afresh.
     *
     * @throws java.io.IOException when the folder is gone, holds no {@code articles*.json} or a file is not
     *     valid JSON (the message names the file); the server then keeps the articles it has
     */
    @Override
    public List<SourceArticle> articles() throws Exception {
        ZendeskSettings current = settings;
        Path currentFolder = folder;
        if (current == null || currentFolder == null) {
            throw new IllegalStateException("source-zendesk has not been started");
        }
        ArticleMapper.Result result = new ArticleMapper(current).map(reader.read(currentFolder));
        for (String warning : result.warnings()) {
            LOG.warn("source-zendesk: {}", warning);
        }
        LOG.info("source-zendesk: read {} articles from {} ({} drafts left out, {} warnings)",
                result.articles().size(), currentFolder, result.drafts(), result.warnings().size());
        lastWarnings = List.copyOf(result.warnings());
        return result.articles();
    }

    /** The entries the last {@link #articles()} skipped or read only in part, as logged. */
    @Override
    public List<String> problems() {
        return lastWarnings;
    }
}
