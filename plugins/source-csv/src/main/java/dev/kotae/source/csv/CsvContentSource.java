package dev.kotae.source.csv;

import dev.kotae.plugin.ContentSource;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SourceArticle;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FAQ spreadsheets as a content source: every row of the configured CSV and TSV files (UTF-8 or the
 * Windows-31J that Japanese Excel writes) is one article, served as {@code <sourceId>:<id>}. Files are
 * re-read on every refresh, and the server watches them, so saving the sheet updates the help center within
 * seconds.
 *
 * <p>Settings live under {@code plugins.source-csv} in {@code kotae.yml}; see the plugin's README.
 */
@Extension
public final class CsvContentSource implements ContentSource {

    private static final Logger log = LoggerFactory.getLogger(CsvContentSource.class);

    private volatile String sourceId = CsvSettings.DEFAULT_SOURCE_ID;
    private volatile SourceLoader loader;
    private volatile List<String> lastWarnings = List.of();

    /**
     * Checks the settings, reads every file once (so a typo in a path or a sheet without an answer column
     * stops the plugin with a clear message instead of an empty source) and asks the server to watch the
     * files.
     *
     * @throws IllegalArgumentException for an unknown setting or a bad value, naming it
     * @throws CsvSourceException for a file that cannot be read, or two files that clash
     */
    @Override
    public synchronized void start(PluginContext context) throws Exception {
        CsvSettings settings = context.settings(CsvSettings.class);
        List<SheetSpec> sheets = SheetSpec.resolveAll(settings, context::resolvePath);
        SourceLoader newLoader = new SourceLoader(sheets);
        SourceLoader.Result first = newLoader.load();
        first.warnings().forEach(warning -> log.warn("source-csv: {}", warning));
        if (sheets.isEmpty()) {
            log.warn("source-csv: no files configured under {}.files; the source is empty", CsvSettings.ROOT);
        } else {
            log.info("source-csv: source '{}' has {} articles from {}", settings.sourceId(),
                    first.articles().size(), sheets.stream().map(SheetSpec::label).collect(Collectors.toList()));
        }
        sourceId = settings.sourceId();
        loader = newLoader;
        List<Path> paths = sheets.stream().map(SheetSpec::path).collect(Collectors.toList());
        context.watch(settings.sourceId(), paths);
    }

    @Override
    public String sourceId() {
        return sourceId;
    }

    /**
     * Reads every file again. Rows with problems are skipped and logged one by one; a file that cannot be
     * read at all makes the whole call fail, so the server keeps the articles it has.
     */
    @Override
    public List<SourceArticle> articles() throws Exception {
        SourceLoader current = loader;
        if (current == null) {
            throw new IllegalStateException("source-csv has not been started");
        }
        SourceLoader.Result result = current.load();
        result.warnings().forEach(warning -> log.warn("source-csv: {}", warning));
        lastWarnings = List.copyOf(result.warnings());
        return result.articles();
    }

    /** The rows the last {@link #articles()} skipped and the values it ignored, each naming file and row. */
    @Override
    public List<String> problems() {
        return lastWarnings;
    }
}
