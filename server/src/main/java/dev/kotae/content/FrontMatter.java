package dev.kotae.content;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.List;
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

    /**
     * Why {@code value} cannot be a one-line front-matter value, or {@code null} when it can: a line break
     * (also U+0085, U+2028, U+2029) would start a new key, a control character other than tab is not text,
     * and YAML cannot hold an unpaired surrogate half, U+FFFE or U+FFFF (its printable set, as SnakeYAML,
     * which writes the files, checks it).
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
        return null;
    }
}
