package dev.kotae.contact.destination;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads one destination's block of settings (strings, as the configuration hands them over), so that every
 * destination type refuses the same mistakes with the same words: a missing required key, a key it does not
 * know (a typo must not fall back to a default silently), a number out of range. Messages name the
 * destination and the key, never a value, because a value may be a password.
 */
final class SettingsReader {

    /** The key the configuration chooses the destination type by; it may be left in the block and is ignored. */
    static final String TYPE_KEY = "type";

    private final String destination;
    private final String type;
    private final Map<String, String> settings;

    /**
     * @param destination the destination's name, for messages
     * @param type its type ({@code smtp}, {@code zendesk}), for messages
     * @param settings its settings; {@code null} is taken as none
     * @param known every key this type reads
     * @throws IllegalArgumentException when the name is blank or a key is not one of {@code known}
     */
    SettingsReader(String destination, String type, Map<String, String> settings, List<String> known) {
        if (destination == null || destination.isBlank()) {
            throw new IllegalArgumentException("a contact destination of type " + type + " needs a name");
        }
        this.destination = destination;
        this.type = type;
        this.settings = settings == null ? Map.of() : settings;
        Set<String> unknown = new TreeSet<>();
        for (String key : this.settings.keySet()) {
            if (!known.contains(key) && !TYPE_KEY.equals(key)) {
                unknown.add(String.valueOf(key));
            }
        }
        if (!unknown.isEmpty()) {
            throw problem("unknown setting(s) " + unknown + "; the valid ones are " + new LinkedHashSet<>(known));
        }
    }

    /** The value of {@code key}, stripped of surrounding blanks. */
    String required(String key, String meaning) {
        String value = optional(key);
        if (value == null) {
            throw problem(key + " is required: " + meaning);
        }
        return value;
    }

    /** The value of {@code key}, stripped of surrounding blanks, or {@code null} when it is absent or blank. */
    String optional(String key) {
        String value = settings.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    /** The value of {@code key} as a whole number from {@code min} to {@code max}, or {@code fallback} when absent. */
    int integer(String key, int fallback, int min, int max) {
        String value = optional(key);
        if (value == null) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // Reported below with the allowed range.
        }
        throw problem(key + " must be a whole number from " + min + " to " + max + ", not '" + value + "'");
    }

    /** An {@link IllegalArgumentException} whose message starts with the destination's name and type. */
    IllegalArgumentException problem(String message) {
        return new IllegalArgumentException("contact destination '" + destination + "' (" + type + "): " + message);
    }
}
