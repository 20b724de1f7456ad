package dev.kotae.source.csv;

import dev.kotae.plugin.BodyFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plugin's block in {@code kotae.yml} ({@code plugins: {source-csv: {...}}}), bound by the server
 * ({@code PluginContext.settings(CsvSettings.class)}), which refuses unknown keys and wrong types. The compact
 * constructors apply the defaults and check every value on its own; {@link SheetSpec} then resolves the
 * paths and checks the files against each other.
 *
 * @param sourceId the source id that prefixes every article id ({@code csv:faq.12}); default {@code csv}
 * @param files the sheets to read, in order (an id seen in an earlier file wins)
 */
record CsvSettings(String sourceId, List<FileSettings> files) {

    /** Where these settings live in {@code kotae.yml}, for messages about the files as a whole. */
    static final String ROOT = "plugins.source-csv";

    static final String DEFAULT_SOURCE_ID = "csv";

    /** The server's source id rule. */
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9-]{1,32}");

    /** Article ids are at most 128 characters; this leaves room for {@code .<row number>}. */
    private static final Pattern ID_PREFIX = Pattern.compile("[A-Za-z0-9._-]{1,100}");

    CsvSettings {
        sourceId = Text.isBlank(sourceId) ? DEFAULT_SOURCE_ID : sourceId.strip();
        if (!SOURCE_ID.matcher(sourceId).matches()) {
            throw new IllegalArgumentException("sourceId '" + sourceId
                    + "' is not a source id (1-32 lower-case letters, digits and -)");
        }
        if (files == null) {
            files = List.of();
        }
        for (int i = 0; i < files.size(); i++) {
            if (files.get(i) == null) {
                throw new IllegalArgumentException("files[" + i + "]: empty entry; give at least a path");
            }
        }
        files = List.copyOf(files);
    }

    /**
     * One sheet, as configured; every field but {@code path} may be omitted. The constructor checks each value
     * and stores it normalised; defaults that depend on the file (delimiter, id prefix) are left {@code null}
     * for {@link SheetSpec}.
     *
     * @param path the file, relative to {@code kotae.yml}'s folder; stripped
     * @param encoding {@code auto} (default), {@code UTF-8} or {@code windows-31j} (also {@code Shift_JIS},
     *     {@code CP932}); becomes {@link Encodings#AUTO} or a canonical charset name
     * @param delimiter {@code ,}, {@code tab}, {@code ;} or {@code |}; becomes the one-character separator, or
     *     {@code null} for "by extension"
     * @param locale the locale of rows without a locale cell; {@code null} for the server's default
     * @param visibility the visibility of rows without a visibility cell ({@code public} or {@code internal})
     * @param type the type of rows without a type cell ({@code faq} or {@code playbook})
     * @param category the category of rows without a category cell; {@code null} when blank
     * @param idPrefix the prefix of generated ids; {@code null} for the file name without extension
     * @param format the answer cells' format: {@code text} (default), {@code markdown} or {@code html}; becomes
     *     the {@link BodyFormat#value()}
     * @param columns explicit headers by column key ({@code question: 質問}); an empty or {@code null} value
     *     ignores a column and becomes {@code ""}
     */
    record FileSettings(String path, String encoding, String delimiter, String locale, String visibility,
            String type, String category, String idPrefix, String format, Map<String, String> columns) {

        FileSettings {
            if (Text.isBlank(path)) {
                throw new IllegalArgumentException("files: an entry has no path; name the CSV or TSV file");
            }
            path = path.strip();
            try {
                encoding = Encodings.canonicalName(encoding);
                delimiter = delimiter(delimiter);
                locale = Cells.locale(locale);
                visibility = Cells.visibility(visibility);
                type = Cells.type(type);
                category = Text.emptyToNull(category);
                idPrefix = idPrefix(idPrefix);
                format = bodyFormat(format);
                columns = columns(columns);
            } catch (IllegalArgumentException e) {
                // Each message names its setting; the file tells which entry of files: it belongs to.
                throw new IllegalArgumentException("file " + path + ": " + e.getMessage(), e);
            }
        }

        /** The separator as a one-character string; {@code null} when not set, to go by the file's extension. */
        private static String delimiter(String setting) {
            // YAML's "\t" arrives as a real tab, which is blank to isBlank, so look for it first.
            if ("\t".equals(setting)) {
                return "\t";
            }
            if (Text.isBlank(setting)) {
                return null;
            }
            String value = setting.strip();
            if (value.equalsIgnoreCase("tab") || value.equals("\\t")) {
                return "\t";
            }
            if (value.length() == 1 && ",;|".contains(value)) {
                return value;
            }
            throw new IllegalArgumentException("unknown delimiter '" + value + "'; use , tab ; or |");
        }

        private static String idPrefix(String setting) {
            if (Text.isBlank(setting)) {
                return null;
            }
            String prefix = setting.strip();
            if (!ID_PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException(
                        "idPrefix '" + prefix + "' is not an id prefix (1-100 of A-Z a-z 0-9 . _ -)");
            }
            return prefix;
        }

        private static String bodyFormat(String setting) {
            if (Text.isBlank(setting)) {
                return BodyFormat.TEXT.value();
            }
            switch (Text.fold(setting)) {
                case "text":
                    return BodyFormat.TEXT.value();
                case "markdown":
                case "md":
                    return BodyFormat.MARKDOWN.value();
                case "html":
                    return BodyFormat.HTML.value();
                default:
                    throw new IllegalArgumentException(
                            "unknown format '" + setting.strip() + "'; use text, markdown or html");
            }
        }

        private static Map<String, String> columns(Map<String, String> setting) {
            if (setting == null) {
                return Map.of();
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (Map.Entry<String, String> entry : setting.entrySet()) {
                Column column = Column.bySettingKey(entry.getKey()).orElseThrow(() -> new IllegalArgumentException(
                        "columns: unknown column '" + entry.getKey() + "'; columns are " + Column.settingKeys()));
                String header = Text.isBlank(entry.getValue()) ? "" : entry.getValue().strip();
                if (header.isEmpty() && column.required()) {
                    throw new IllegalArgumentException(
                            "columns: " + column.settingKey() + " cannot be ignored: every row needs one");
                }
                columns.put(column.settingKey(), header);
            }
            return Map.copyOf(columns);
        }
    }
}
