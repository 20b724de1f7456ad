package dev.kotae.source.csv;

import dev.kotae.plugin.SourceArticle;
import dev.kotae.source.csv.CsvSettings.FileSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One configured sheet, checked and resolved: everything {@link SheetReader} needs and nothing it has to
 * validate again.
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
 * @param bodyFormat the {@link SourceArticle} format of answer cells
 * @param columns explicit header names by column; an empty name means "ignore this column"
 */
record SheetSpec(String label, Path path, String encoding, char delimiter, String locale, String visibility,
        String type, String category, String idPrefix, String bodyFormat, Map<Column, String> columns) {

    /** The server's source id rule. */
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9-]{1,32}");

    /** Article ids are at most 128 characters; this leaves room for {@code .<row number>}. */
    private static final Pattern ID_PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    private static final Pattern NOT_ID_CHARS = Pattern.compile("[^A-Za-z0-9._-]+");

    SheetSpec {
        columns = Map.copyOf(columns);
    }

    /**
     * Checks the settings and resolves every file.
     *
     * @param resolvePath the server's path resolution ({@code PluginContext.resolvePath})
     * @throws CsvSourceException naming the first bad setting
     */
    static List<SheetSpec> resolveAll(CsvSettings settings, Function<String, Path> resolvePath)
            throws CsvSourceException {
        if (!SOURCE_ID.matcher(settings.sourceId()).matches()) {
            throw new CsvSourceException(CsvSettings.ROOT + ".sourceId: '" + settings.sourceId()
                    + "' is not a source id (1-32 lower-case letters, digits and -)");
        }
        List<SheetSpec> specs = new ArrayList<>();
        Map<Path, String> seenPaths = new HashMap<>();
        Map<String, String> seenPrefixes = new HashMap<>();
        for (int i = 0; i < settings.files().size(); i++) {
            String where = CsvSettings.ROOT + ".files[" + i + "]";
            FileSettings file = settings.files().get(i);
            if (file == null) {
                throw new CsvSourceException(where + ": empty entry; give at least a path");
            }
            SheetSpec spec = resolve(file, i, where, resolvePath);
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

    private static SheetSpec resolve(FileSettings file, int index, String where, Function<String, Path> resolvePath)
            throws CsvSourceException {
        if (Text.isBlank(file.path())) {
            throw new CsvSourceException(where + ".path: missing; name the CSV or TSV file");
        }
        String label = file.path().strip();
        Path path = resolvePath.apply(label).toAbsolutePath().normalize();
        return new SheetSpec(
                label,
                path,
                setting(where + ".encoding", () -> Encodings.canonicalName(file.encoding())),
                setting(where + ".delimiter", () -> delimiter(file.delimiter(), path)),
                setting(where + ".locale", () -> Cells.locale(file.locale())),
                setting(where + ".visibility", () -> Cells.visibility(file.visibility())),
                setting(where + ".type", () -> Cells.type(file.type())),
                Text.emptyToNull(file.category()),
                setting(where + ".idPrefix", () -> idPrefix(file.idPrefix(), path, index)),
                setting(where + ".format", () -> bodyFormat(file.format())),
                setting(where + ".columns", () -> columns(file.columns())));
    }

    /** Runs one setting's check and puts the setting's path in front of its complaint. */
    private static <T> T setting(String where, Supplier<T> check) throws CsvSourceException {
        try {
            return check.get();
        } catch (IllegalArgumentException e) {
            throw new CsvSourceException(where + ": " + e.getMessage(), e);
        }
    }

    /** Tab for {@code .tsv} and {@code .txt} (Excel's "Text (Tab delimited)"), comma otherwise. */
    private static char delimiter(String setting, Path path) {
        // YAML's "\t" arrives as a real tab, which is blank to isBlank, so look for it first.
        if ("\t".equals(setting)) {
            return '\t';
        }
        if (Text.isBlank(setting)) {
            String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
            return name.endsWith(".tsv") || name.endsWith(".txt") ? '\t' : ',';
        }
        String value = setting.strip();
        if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
            return '\t';
        }
        if (value.length() == 1 && ",;|".contains(value)) {
            return value.charAt(0);
        }
        throw new IllegalArgumentException("unknown delimiter '" + value + "'; use , tab ; or |");
    }

    /**
     * The explicit prefix, or the file name without its extension reduced to id characters ("FAQ 一覧.csv"
     * gives "FAQ"); {@code file<n>} when nothing is left.
     */
    private static String idPrefix(String setting, Path path, int index) {
        if (!Text.isBlank(setting)) {
            String prefix = setting.strip();
            if (!ID_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("'" + prefix + "' is not an id prefix (1-100 of A-Z a-z 0-9 . _ -)");
            }
            return prefix;
        }
        String name = path.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String stem = dot > 0 ? name.substring(0, dot) : name;
        String prefix = NOT_ID_CHARS.matcher(stem).replaceAll("-").replaceAll("^[-.]+|[-.]+$", "");
        if (prefix.isEmpty()) {
            return "file" + (index + 1);
        }
        return prefix.length() > 100 ? prefix.substring(0, 100) : prefix;
    }

    private static String bodyFormat(String setting) {
        if (Text.isBlank(setting)) {
            return SourceArticle.TEXT;
        }
        switch (Text.fold(setting)) {
            case "text":
                return SourceArticle.TEXT;
            case "markdown":
            case "md":
                return SourceArticle.MARKDOWN;
            case "html":
                return SourceArticle.HTML;
            default:
                throw new IllegalArgumentException("unknown format '" + setting.strip() + "'; use text, markdown or html");
        }
    }

    private static Map<Column, String> columns(Map<String, String> setting) {
        Map<Column, String> columns = new EnumMap<>(Column.class);
        if (setting == null) {
            return columns;
        }
        for (Map.Entry<String, String> entry : setting.entrySet()) {
            Column column = Column.bySettingKey(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                    "unknown column '" + entry.getKey() + "'; columns are " + Column.settingKeys()));
            String header = Text.isBlank(entry.getValue()) ? "" : entry.getValue().strip();
            if (header.isEmpty() && column.required()) {
                throw new IllegalArgumentException(column.settingKey() + " cannot be ignored: every row needs one");
            }
            columns.put(column, header);
        }
        return columns;
    }
}
