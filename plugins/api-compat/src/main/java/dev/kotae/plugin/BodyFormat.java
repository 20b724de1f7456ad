package dev.kotae.plugin;

/**
 * The format of a {@link SourceArticle}'s body; the server renders each one to safe HTML itself.
 *
 * @since 1.0
 */
public enum BodyFormat {

    /** CommonMark with GitHub tables; raw HTML inside is escaped, as in content files. */
    MARKDOWN("markdown"),
    /** HTML, sanitised by the server (scripts, event handlers, styles and unsafe URLs removed). */
    HTML("html"),
    /** Plain text: escaped, paragraphs at blank lines, line breaks kept. */
    TEXT("text");

    private final String value;

    BodyFormat(String value) {
        this.value = value;
    }

    /** The lower-case name, e.g. {@code markdown}. */
    public String value() {
        return value;
    }

    /**
     * The constant whose {@link #value()} is {@code value}, e.g. {@code markdown}: exact and lower case, as
     * front matter writes it.
     *
     * @throws IllegalArgumentException for any other value (the message lists the allowed ones)
     */
    public static BodyFormat fromValue(String value) {
        for (BodyFormat candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("bodyFormat must be markdown, html or text (got '" + value + "')");
    }

    @Override
    public String toString() {
        return value;
    }
}
