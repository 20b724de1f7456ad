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
     * Whether YAML can hold {@code value} as text: no unpaired surrogate half, no U+FFFE or U+FFFF, no
     * control character other than tab and line breaks (YAML's printable set, as SnakeYAML, which writes
     * the files, checks it). Anything else cannot be written into a file's front matter.
     */
    public static boolean canHold(String value) {
        return StreamReader.isPrintable(value);
    }
}
