package dev.kotae.plugin.settings;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What {@code PluginContext.settings()} and {@code settings(Class)} do with a plugin's {@code kotae.yml}
 * block, in one place: the server and the test kit both call it, so a plugin's unit test binds exactly
 * as the server will (same strictness, same types, same messages).
 *
 * <p>Not part of the plugin API: plugins reach it only through {@code PluginContext}.
 */
public final class PluginSettings {

    private static final ObjectMapper STRICT = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private PluginSettings() {}

    /**
     * A deep, unmodifiable copy of YAML values (maps, lists, scalars; {@code null} values kept), so that one
     * plugin cannot change what another, or the server, sees.
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> immutableCopy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(key, copyValue(value)));
        return Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return immutableCopy((Map<String, Object>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(item -> copy.add(copyValue(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    /**
     * Binds a plugin's settings block to the plugin's own record (or bean), strictly: an unknown key, a
     * value of the wrong type (a fraction for an integer included) or an {@link IllegalArgumentException}
     * from the record's constructor becomes an {@link IllegalArgumentException} whose message names the
     * key's full path, e.g. {@code plugins.source-csv.files[0].colums: unknown setting (known: ...)}.
     * Absent keys are {@code null}; {@code java.time} values ({@code LocalDate}, {@code Duration}) are read
     * from their ISO strings.
     */
    public static <T> T bind(String pluginId, Map<String, Object> settings, Class<T> type) {
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
