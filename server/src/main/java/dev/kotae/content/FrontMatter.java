package dev.kotae.content;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.reader.StreamReader;

/**
 * The YAML block at the top of an article file, as written by the author. Every key is optional; unknown
 * keys are rejected (a misspelt {@code visiblity: internal} must not silently publish a playbook).
 * Public so that the editor can read a file back into what its author wrote.
 */
public record FrontMatter(
        String id,
        String title,
        String type,
        String visibility,
        String locale,
        String category,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> tags,
        @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> questions,
        LocalDate updated,
        String translationKey) {

    static final FrontMatter EMPTY = new FrontMatter(null, null, null, null, null, null, null, null, null, null);

    /** A text value that cannot be written as front matter: its key and why ({@link #problemWith}). */
    public record TextProblem(String key, String problem) {

        /** As a message: {@code "title must not contain control characters"}. */
        public String message() {
            return key + " " + problem;
        }
    }

    /**
     * The first text value (title, category, locale, translationKey, then each tag and question) that breaks
     * {@link #problemWith}, or {@code null} when all can be written: the rule files are read by and the
     * editor writes them by.
     */
    public TextProblem textProblem() {
        Map<String, List<String>> values = new LinkedHashMap<>();
        values.put("title", Collections.singletonList(title));
        values.put("category", Collections.singletonList(category));
        values.put("locale", Collections.singletonList(locale));
        values.put("translationKey", Collections.singletonList(translationKey));
        values.put("tags", tags == null ? List.of() : tags);
        values.put("questions", questions == null ? List.of() : questions);
        for (Map.Entry<String, List<String>> key : values.entrySet()) {
            for (String value : key.getValue()) {
                String problem = value == null ? null : problemWith(value);
                if (problem != null) {
                    return new TextProblem(key.getKey(), problem);
                }
            }
        }
        return null;
    }

    /**
     * Why {@code value} cannot be a one-line front-matter value, or {@code null} when it can: a line break
     * (also U+0085, U+2028, U+2029) would start a new key, a control character other than tab is not text,
     * YAML cannot hold an unpaired surrogate half, U+FFFE or U+FFFF (its printable set, as SnakeYAML,
     * which writes the files, checks it), and a bidirectional override would make the value read otherwise
     * than what it says.
     */
    public static String problemWith(String value) {
        if (value.chars().anyMatch(c -> c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029')) {
            return "must be a single line";
        }
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\t')) {
            return "must not contain control characters";
        }
        if (!StreamReader.isPrintable(value)) {
            return "must be text: no unpaired surrogate, U+FFFE or U+FFFF";
        }
        if (value.chars().anyMatch(c -> c == '\u202D' || c == '\u202E')) {
            // "title \u202Eevil" shows as "title live": a title could read otherwise than what it says.
            return "must not contain a bidirectional override (U+202D, U+202E)";
        }
        return null;
    }
}
