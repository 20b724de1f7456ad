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

    /**
     * 400, 404 (no such article, draft or version), 409 (the id is taken by another file or article), 413
     * (too large), 415 (not an accepted image type), 422 (a history version that is not a valid article),
     * 428 (a delete without If-Match) or 501 (not set up on this server, e.g. image uploads).
     */
    public int status() {
        return status;
    }
}
