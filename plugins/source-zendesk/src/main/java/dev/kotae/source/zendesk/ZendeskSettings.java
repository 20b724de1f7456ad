package dev.kotae.source.zendesk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The plugin's settings: the {@code plugins.source-zendesk} block of {@code kotae.yml}, bound by the server
 * ({@code PluginContext.settings(ZendeskSettings.class)}), which refuses unknown keys and wrong types.
 *
 * <pre>{@code
 * plugins:
 *   source-zendesk:
 *     sourceId: zendesk              # optional; article ids become zendesk:<article id>
 *     folder: exports/zendesk        # required; the folder that holds the export
 *     locales: {en-us: en, ja: ja}   # optional; Zendesk locale -> Kotae locale
 *     categoryFrom: section          # optional; section (default) or category
 * }</pre>
 *
 * @param sourceId the {@link dev.kotae.plugin.ContentSource#sourceId()}; default {@code zendesk}
 * @param folder the export folder as written in the settings (resolved by the server's rules later)
 * @param locales explicit Zendesk-to-Kotae locale mapping, keys lower-cased; never {@code null}
 * @param categoryFrom which Zendesk name becomes the Kotae category
 */
public record ZendeskSettings(String sourceId, String folder, Map<String, String> locales,
        CategoryFrom categoryFrom) {

    /** The source id used when the settings name none. */
    public static final String DEFAULT_SOURCE_ID = "zendesk";

    // The ContentSource contract for source ids.
    private static final Pattern SOURCE_ID = Pattern.compile("[a-z0-9-]{1,32}");

    /** Applies the defaults and checks every value; throws {@link IllegalArgumentException} when one is bad. */
    public ZendeskSettings {
        sourceId = sourceId == null ? DEFAULT_SOURCE_ID : sourceId.trim();
        if (!SOURCE_ID.matcher(sourceId).matches()) {
            throw new IllegalArgumentException(
                    "sourceId must be 1-32 lower-case letters, digits or '-', not '" + sourceId + "'");
        }
        if (folder == null || folder.isBlank()) {
            throw new IllegalArgumentException(
                    "folder is required: the folder that holds the Zendesk export (articles*.json)");
        }
        folder = folder.trim();
        locales = normaliseLocales(locales);
        categoryFrom = categoryFrom == null ? CategoryFrom.SECTION : categoryFrom;
    }

    /**
     * The Kotae locale for a Zendesk locale: the explicit mapping when it has one, otherwise the primary
     * language subtag, lower-cased ({@code en-us -> en}, {@code pt-br -> pt}, {@code ja -> ja}).
     *
     * @return the locale, or {@code null} when the article names none (the server then uses its default)
     */
    public String localeFor(String zendeskLocale) {
        if (zendeskLocale == null || zendeskLocale.isBlank()) {
            return null;
        }
        String key = zendeskLocale.trim().toLowerCase(Locale.ROOT);
        String mapped = locales.get(key);
        if (mapped != null) {
            return mapped;
        }
        int end = 0;
        while (end < key.length() && key.charAt(end) != '-' && key.charAt(end) != '_') {
            end++;
        }
        return key.substring(0, end);
    }

    private static Map<String, String> normaliseLocales(Map<String, String> locales) {
        if (locales == null) {
            return Map.of();
        }
        // Zendesk writes its locales in lower case ("en-us"); people may write "en-US" in kotae.yml.
        Map<String, String> normalised = new LinkedHashMap<>();
        locales.forEach((from, to) -> {
            if (from == null || from.isBlank() || to == null || to.isBlank()) {
                throw new IllegalArgumentException(
                        "locales: every entry needs a Zendesk locale and a Kotae locale, got " + from + ": " + to);
            }
            String key = from.trim().toLowerCase(Locale.ROOT);
            if (normalised.put(key, to.trim()) != null) {
                throw new IllegalArgumentException("locales: '" + key + "' is mapped twice");
            }
        });
        return Map.copyOf(normalised);
    }

    /** Which Zendesk name becomes an article's Kotae category. */
    public enum CategoryFrom {
        /** The name of the article's section (Zendesk: category &gt; section &gt; article). */
        SECTION,
        /** The name of the category that holds the article's section. */
        CATEGORY;

        /** Reads {@code section} or {@code category}, in any case. */
        @JsonCreator
        public static CategoryFrom parse(String value) {
            for (CategoryFrom candidate : values()) {
                if (value != null && candidate.value().equals(value.trim().toLowerCase(Locale.ROOT))) {
                    return candidate;
                }
            }
            throw new IllegalArgumentException("categoryFrom must be 'section' or 'category', not '" + value + "'");
        }

        /** The settings spelling: {@code section} or {@code category}. */
        @JsonValue
        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
