package dev.kotae.source.csv;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The plugin's block in {@code kotae.yml}, exactly as written ({@code plugins: {source-csv: {...}}}).
 * Values are checked and resolved into {@link SheetSpec}s; this type only gives the block its shape and turns
 * Jackson's complaints (unknown keys, wrong types) into messages an administrator can act on.
 *
 * @param sourceId the source id that prefixes every article id ({@code csv:faq.12}); default {@code csv}
 * @param files the sheets to read, in order (an id seen in an earlier file wins)
 */
record CsvSettings(String sourceId, List<FileSettings> files) {

    /** Where these settings live in {@code kotae.yml}, for messages. */
    static final String ROOT = "plugins.source-csv";

    static final String DEFAULT_SOURCE_ID = "csv";

    private static final ObjectMapper MAPPER =
            new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    CsvSettings {
        sourceId = Text.isBlank(sourceId) ? DEFAULT_SOURCE_ID : sourceId.strip();
        files = files == null ? List.of() : List.copyOf(files);
    }

    /**
     * One sheet, as configured. Every field but {@code path} may be omitted.
     *
     * @param path the file, relative to {@code kotae.yml}'s folder
     * @param encoding {@code auto} (default), {@code UTF-8} or {@code windows-31j} (also {@code Shift_JIS},
     *     {@code CP932})
     * @param delimiter {@code ,}, {@code tab}, {@code ;} or {@code |}; default by extension
     * @param locale the locale of rows without a locale cell; default the server's
     * @param visibility the visibility of rows without a visibility cell
     * @param type the type of rows without a type cell
     * @param category the category of rows without a category cell
     * @param idPrefix the prefix of generated ids; default the file name without extension
     * @param format the answer cells' format: {@code text} (default), {@code markdown} or {@code html}
     * @param columns explicit headers by column key ({@code question: 質問}); an empty value ignores a column
     */
    record FileSettings(String path, String encoding, String delimiter, String locale, String visibility,
            String type, String category, String idPrefix, String format, Map<String, String> columns) {}

    /**
     * Reads the plugin's settings.
     *
     * @param raw the plain YAML values from {@code PluginContext.settings()}
     * @throws CsvSourceException naming the offending key
     */
    static CsvSettings parse(Map<String, Object> raw) throws CsvSourceException {
        try {
            return MAPPER.convertValue(raw == null ? Map.of() : raw, CsvSettings.class);
        } catch (IllegalArgumentException e) {
            // convertValue wraps the JsonMappingException that knows the path.
            if (e.getCause() instanceof UnrecognizedPropertyException unknown) {
                List<JsonMappingException.Reference> path = unknown.getPath();
                String known = unknown.getKnownPropertyIds() == null ? "" : "; known settings: "
                        + unknown.getKnownPropertyIds().stream().map(String::valueOf)
                                .collect(Collectors.toCollection(TreeSet::new));
                throw new CsvSourceException(where(path.subList(0, Math.max(0, path.size() - 1)))
                        + ": unknown setting '" + unknown.getPropertyName() + "'" + known, e);
            }
            if (e.getCause() instanceof JsonMappingException mapping) {
                throw new CsvSourceException(where(mapping.getPath()) + ": " + mapping.getOriginalMessage(), e);
            }
            throw new CsvSourceException(ROOT + ": " + e.getMessage(), e);
        }
    }

    /** {@code plugins.source-csv.files[0].encoding} for a Jackson path. */
    private static String where(List<JsonMappingException.Reference> path) {
        StringBuilder where = new StringBuilder(ROOT);
        for (JsonMappingException.Reference ref : path) {
            if (ref.getFieldName() != null) {
                where.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                where.append('[').append(ref.getIndex()).append(']');
            }
        }
        return where.toString();
    }
}
