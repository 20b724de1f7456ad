package dev.kotae.content;

import java.util.Locale;

/** What an article is for: a customer-facing FAQ or an agent playbook. */
public enum ArticleType {
    FAQ,
    PLAYBOOK;

    /** The lower-case name used in front matter, the index and the API. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a front-matter or query value; throws {@link IllegalArgumentException} for anything else. */
    public static ArticleType parse(String value) {
        for (ArticleType type : values()) {
            if (type.key().equals(value)) {
                return type;
            }
        }
        throw new IllegalArgumentException("type must be one of faq, playbook (got '" + value + "')");
    }
}
