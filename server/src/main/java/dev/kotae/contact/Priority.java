package dev.kotae.contact;

import java.util.Locale;

/** How urgent a contact category's requests are, as the support team configured it; ticket systems map it to theirs. */
public enum Priority {
    LOW, NORMAL, HIGH, URGENT;

    /** The lower-case name used in settings and payloads. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The priority named {@code key} (any case), or {@code null} when none is. */
    public static Priority ofKey(String key) {
        if (key == null) {
            return null;
        }
        for (Priority priority : values()) {
            if (priority.key().equals(key.strip().toLowerCase(Locale.ROOT))) {
                return priority;
            }
        }
        return null;
    }
}
