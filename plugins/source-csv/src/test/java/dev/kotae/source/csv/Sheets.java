package dev.kotae.source.csv;

import dev.kotae.plugin.testkit.FakePluginContext;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test helpers: files written the way spreadsheet programs write them, settings shaped like YAML. */
final class Sheets {

    private Sheets() {}

    /**
     * Writes text in a charset, as Excel's "CSV (コンマ区切り)" (windows-31j) or "CSV UTF-8" would, as a file
     * saved a minute ago: complete, so reading it does not wait for the quiet period ({@link WriteQuietTest}
     * covers files still being written).
     */
    static Path write(Path file, String text, Charset charset) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, text.getBytes(charset));
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis() - 60_000));
        return file;
    }

    /** Writes UTF-8 without a BOM. */
    static Path write(Path file, String text) throws IOException {
        return write(file, text, StandardCharsets.UTF_8);
    }

    /** Writes UTF-8 with a BOM, as Excel's "CSV UTF-8 (コンマ区切り)" does. */
    static Path writeWithBom(Path file, String text) throws IOException {
        return write(file, "\uFEFF" + text, StandardCharsets.UTF_8);
    }

    /** Rows joined with CRLF, Excel's row separator. */
    static String crlf(String... rows) {
        return String.join("\r\n", rows) + "\r\n";
    }

    /** {@code {files: [file]}} with an optional {@code sourceId}. */
    static Map<String, Object> settings(Map<String, Object> file) {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("files", new ArrayList<>(List.of(file)));
        return settings;
    }

    /** One file entry: path plus key/value pairs ({@code null} values allowed, as in YAML). */
    static Map<String, Object> file(String path, Object... keyValues) {
        Map<String, Object> file = new LinkedHashMap<>();
        file.put("path", path);
        for (int i = 0; i < keyValues.length; i += 2) {
            file.put((String) keyValues[i], keyValues[i + 1]);
        }
        return file;
    }

    /** A server stand-in for the plugin, with paths relative to {@code base}. */
    static FakePluginContext context(Path base, Map<String, Object> settings) {
        return new FakePluginContext("source-csv", base).withSettings(settings);
    }

    /** Loads through settings, resolution and all readers, keeping the warnings the extension would log. */
    static SourceLoader.Result load(Path base, Map<String, Object> settings) throws CsvSourceException {
        FakePluginContext context = context(base, settings);
        return new SourceLoader(SheetSpec.resolveAll(context.settings(CsvSettings.class), context::resolvePath)).load();
    }
}
