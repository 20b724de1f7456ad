package dev.kotae.editing;

/** The caller's role or relation to the draft does not allow the action (HTTP 403). */
public final class EditNotAllowedException extends Exception {
    public EditNotAllowedException(String message) {
        super(message);
    }
}
