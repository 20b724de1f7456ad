package dev.kotae.content;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.time.LocalDate;
import java.util.List;

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
}
