package dev.kotae.source.csv;

import dev.kotae.plugin.BodyFormat;
import dev.kotae.source.csv.CsvSettings.FileSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * One configured sheet, resolved: everything {@link SheetReader} needs and nothing it has to validate again.
 * The values were checked when the settings were bound ({@link CsvSettings.FileSettings}); this adds the
 * resolved path, the defaults that depend on the file, and the checks between files.
 *
 * @param label the path as written in {@code kotae.yml}, for messages
 * @param path the resolved file
 * @param encoding {@link Encodings#AUTO} or a charset name
 * @param delimiter the field separator
 * @param locale the default locale, or {@code null} for the server's
 * @param visibility the default visibility, or {@code null} for the server's default
 * @param type the default type, or {@code null}
 * @param category the default category, or {@code null}
 * @param idPrefix the prefix of ids generated from row numbers
 * @param bodyFormat the {@link BodyFormat#value()} of answer cells
 * @param columns explicit header names by column; an empty name means "ignore this column"
 */
record SheetSpec(String label, Path path, String encoding, char delimiter, String locale, String visibility,
        String type, String category, String idPrefix, String bodyFormat, Map<Column, String> columns) {

    private static final Pattern NOT_ID_CHARS = Pattern.compile("[^A-Za-z0-9._-]+");

    SheetSpec {
        columns = Map.copyOf(columns);
    }

    /**
     * Resolves every file and checks that no two files share a path or an id prefix.
     *
     * @param resolvePath the server's path resolution ({@code PluginContext.resolvePath})
     * @throws CsvSourceException naming the second file of a clashing pair
     */
    static List<SheetSpec> resolveAll(CsvSettings settings, Function<String, Path> resolvePath)
            throws CsvSourceException {
        List<SheetSpec> specs = new ArrayList<>();
        Map<Path, String> seenPaths = new HashMap<>();
        Map<String, String> seenPrefixes = new HashMap<>();
        for (int i = 0; i < settings.files().size(); i++) {
            String where = CsvSettings.ROOT + ".files[" + i + "]";
            SheetSpec spec = resolve(settings.files().get(i), i, resolvePath);
            String earlier = seenPaths.putIfAbsent(spec.path(), where);
            if (earlier != null) {
                throw new CsvSourceException(where + ".path: " + spec.path() + " is already read by " + earlier);
            }
            // Generated ids must not collide between files, or rows of the second file would vanish as duplicates.
            earlier = seenPrefixes.putIfAbsent(spec.idPrefix(), where);
            if (earlier != null) {
                throw new CsvSourceException(where + ": id prefix '" + spec.idPrefix() + "' is already used by "
                        + earlier + "; set idPrefix on one of them");
            }
            specs.add(spec);
        }
        return List.copyOf(specs);
    }

    private static SheetSpec resolve(FileSettings file, int index, Function<String, Path> resolvePath) {
        Path path = resolvePath.apply(file.path()).toAbsolutePath().normalize();
        return new SheetSpec(
                file.path(),
                path,
                file.encoding(),
                file.delimiter() != null ? file.delimiter().charAt(0) : delimiterByExtension(path),
                file.locale(),
                file.visibility(),
                file.type(),
                file.category(),
                file.idPrefix() != null ? file.idPrefix() : idPrefixFromName(path, index),
                file.format(),
                columns(file.columns()));
    }

    /** Tab for {@code .tsv} and {@code .txt} (Excel's "Text (Tab delimited)"), comma otherwise. */
    private static char delimiterByExtension(Path path) {
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".tsv") || name.endsWith(".txt") ? '\t' : ',';
    }

    /**
     * The file name without its extension reduced to id characters ("FAQ 一覧.csv" gives "FAQ");
     * {@code file<n>} when nothing is left.
     */
    private static String idPrefixFromName(Path path, int index) {
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String prefix = NOT_ID_CHARS.matcher(stem).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
        if (prefix.isEmpty()) {
            return "file" + (index + 1);
        }
        return prefix.length() > 100 ? prefix.substring(0, 100) : prefix;
    }

    /** The checked {@code columns:} setting by {@link Column}. */
    private static Map<Column, String> columns(Map<String, String> setting) {
        Map<Column, String> columns = new EnumMap<>(Column.class);
        setting.forEach((key, header) -> columns.put(Column.bySettingKey(key).orElseThrow(), header));
        return columns;
    }
}
