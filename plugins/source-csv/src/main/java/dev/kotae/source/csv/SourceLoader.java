package dev.kotae.source.csv;

import dev.kotae.plugin.SourceArticle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads every configured sheet into one list of articles with unique ids. Stateless: each call reads the
 * files afresh, so {@code articles()} always reflects what is on disk, once each file is completely
 * written ({@link WriteQuiet}).
 */
final class SourceLoader {

    private final List<SheetSpec> sheets;
    private final WriteQuiet writeQuiet;

    SourceLoader(List<SheetSpec> sheets) {
        this(sheets, WriteQuiet.system());
    }

    SourceLoader(List<SheetSpec> sheets, WriteQuiet writeQuiet) {
        this.sheets = List.copyOf(sheets);
        this.writeQuiet = writeQuiet;
    }

    /**
     * Everything the sheets hold now.
     *
     * @param articles the articles, in configuration and file order
     * @param warnings skipped rows and ignored values, each naming file and row
     */
    record Result(List<SourceArticle> articles, List<String> warnings) {}

    /** The configured sheets. */
    List<SheetSpec> sheets() {
        return sheets;
    }

    /**
     * Reads all sheets.
     *
     * @throws CsvSourceException for the first file that cannot be read, is malformed or is still being
     *     written; nothing is returned then, because half a source would make the server drop the other
     *     file's articles (it keeps every article of the source as it was, the last good version of each file)
     */
    Result load() throws CsvSourceException {
        Map<String, SourceArticle> byId = new LinkedHashMap<>();
        Map<String, String> firstSeen = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        long waited = 0;
        for (SheetSpec sheet : sheets) {
            waited = writeQuiet.awaitComplete(sheet.path(), sheet.label(), waited);
            SheetReader.Result result = SheetReader.read(sheet);
            warnings.addAll(result.warnings());
            for (SheetReader.Row row : result.rows()) {
                String here = sheet.label() + " row " + row.rowNumber();
                String id = row.article().id();
                String earlier = firstSeen.putIfAbsent(id, here);
                if (earlier != null) {
                    // Keep the first: adding a row below must not silently replace a published answer.
                    warnings.add(here + ": id '" + id + "' is already used by " + earlier + "; row skipped");
                } else {
                    byId.put(id, row.article());
                }
            }
        }
        return new Result(List.copyOf(byId.values()), List.copyOf(warnings));
    }
}
