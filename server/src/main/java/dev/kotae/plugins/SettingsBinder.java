package dev.kotae.plugins;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.Map;
import java.util.TreeSet;

/**
 * Binds a plugin's {@code kotae.yml} block to the plugin's own settings record, strictly, with messages
 * an administrator can act on: {@code plugins.source-csv.files[0].colums: unknown setting (known: ...)}.
 * One place for what every plugin would otherwise write itself.
 */
final class SettingsBinder {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private SettingsBinder() {}

    static <T> T bind(String pluginId, Map<String, Object> settings, Class<T> type) {
        try {
            return STRICT.convertValue(settings, type);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(describe("plugins." + pluginId, e), e);
        }
    }

    private static String describe(String prefix, Throwable e) {
        String where = "";
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalArgumentException own) {
                // The plugin's own check, from a constructor: at the entry Jackson was building.
                return prefix + where + ": " + own.getMessage();
            }
            if (cause instanceof JsonMappingException mapping && where.isEmpty()) {
                where = path(mapping);
            }
            if (cause instanceof UnrecognizedPropertyException unknown) {
                TreeSet<String> known = new TreeSet<>();
                unknown.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
                return prefix + path(unknown) + ": unknown setting (known: " + String.join(", ", known) + ")";
            }
            if (cause instanceof JsonMappingException mapping && mapping.getCause() == null) {
                return prefix + path(mapping) + ": " + mapping.getOriginalMessage();
            }
        }
        return prefix + ": " + e.getMessage();
    }

    /** {@code .files[0].colums} from Jackson's reference chain. */
    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            path.append(ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]");
        }
        return path.toString();
    }
}
