package dev.kotae.contact;

/** Where one request stands with one destination. */
public enum DeliveryState {
    /** Not taken yet: the sender tries it at its next attempt time. */
    PENDING("pending"),
    /** The destination took it; nothing more is done. */
    DELIVERED("delivered"),
    /** The destination refused it, or every attempt failed: kept for an admin, who may retry it. */
    FAILED("failed-permanent");

    private final String key;

    DeliveryState(String key) {
        this.key = key;
    }

    /** The name stored in the database and shown in the admin API. */
    public String key() {
        return key;
    }

    /** The state stored as {@code key}. */
    public static DeliveryState ofKey(String key) {
        for (DeliveryState state : values()) {
            if (state.key.equals(key)) {
                return state;
            }
        }
        throw new IllegalArgumentException("no delivery state " + key);
    }
}
