package dev.kotae.editing;

/**
 * What was sent cannot be saved or published: a missing title, a malformed id, front matter the content
 * folder would refuse, an image of the wrong type or too large (HTTP 4xx with {@link #field()} named).
 */
public final class EditRejectedException extends Exception {

    private final String field;
    private final int status;

    public EditRejectedException(String field, String message) {
        this(field, message, 400);
    }

    public EditRejectedException(String field, String message, int status) {
        super(message);
        this.field = field;
        this.status = status;
    }

    /** The form field or JSON property at fault, or {@code null}. */
    public String field() {
        return field;
    }

    /** 400, 404 (no such article or draft), 413 (too large) or 415 (not an accepted image type). */
    public int status() {
        return status;
    }
}
