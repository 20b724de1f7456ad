package dev.kotae.content;

/** An article file that cannot be turned into an {@link Article}; the message is shown to its author. */
public final class ContentException extends Exception {
    private static final long serialVersionUID = 1L;

    public ContentException(String message) {
        super(message);
    }

    public ContentException(String message, Throwable cause) {
        super(message, cause);
    }
}
