package dev.kotae.content;

import java.util.Locale;

/** Who may see an article: everyone, or signed-in agents only. */
public enum Visibility {
    PUBLIC,
    INTERNAL;

    /** The lower-case name used in front matter, the index and the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** When nothing says otherwise: playbooks are for agents, everything else is public. */
    public static Visibility defaultFor(ArticleType type) {
        return type == ArticleType.PLAYBOOK ? INTERNAL : PUBLIC;
    }

    /** Parses a front-matter value; throws {@link IllegalArgumentException} for anything else. */
    public static Visibility parse(String value) {
        for (Visibility visibility : values()) {
            if (visibility.key().equals(value)) {
                return visibility;
            }
        }
        throw new IllegalArgumentException("visibility must be one of public, internal (got '" + value + "')");
    }
}
