package dev.kotae.plugin;

/**
 * What kind of article a {@link SourceArticle} is. The wire value ({@link #value()}) is what Markdown
 * front matter and {@code kotae.yml} say, and what {@link #toString()} returns.
 *
 * @since 1.0
 */
public enum ArticleType {

    /** An answer for customers; public unless said otherwise. */
    FAQ("faq"),
    /** Steps for agents; internal unless said otherwise. */
    PLAYBOOK("playbook");

    private final String value;

    ArticleType(String value) {
        this.value = value;
    }

    /** The lower-case name used in front matter, e.g. {@code faq}. */
    public String value() {
        return value;
    }

    /**
     * The constant whose {@link #value()} is {@code value}, e.g. {@code faq}: exact and lower case, as
     * front matter writes it.
     *
     * @throws IllegalArgumentException for any other value (the message lists the allowed ones)
     */
    public static ArticleType fromValue(String value) {
        for (ArticleType candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("articleType must be faq or playbook (got '" + value + "')");
    }

    @Override
    public String toString() {
        return value;
    }
}
