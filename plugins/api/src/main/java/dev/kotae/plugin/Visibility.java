package dev.kotae.plugin;

/**
 * Who may read an article. The wire value ({@link #value()}) is what Markdown front matter says, and what
 * {@link #toString()} returns.
 *
 * @since 1.0
 */
public enum Visibility {

    /** Anyone, including anonymous customers and widgets. */
    PUBLIC("public"),
    /** Signed-in agents only: never shown to an anonymous caller, by any path. */
    INTERNAL("internal");

    private final String value;

    Visibility(String value) {
        this.value = value;
    }

    /** The lower-case name used in front matter, e.g. {@code public}. */
    public String value() {
        return value;
    }

    /**
     * The constant whose {@link #value()} is {@code value}, e.g. {@code public}: exact and lower case, as
     * front matter writes it.
     *
     * @throws IllegalArgumentException for any other value (the message lists the allowed ones)
     */
    public static Visibility fromValue(String value) {
        for (Visibility candidate : values()) {
            if (candidate.value.equals(value)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("visibility must be public or internal (got '" + value + "')");
    }

    @Override
    public String toString() {
        return value;
    }
}
