package dev.kotae.widget.deflect;

/** A client mistake in a widget request, answered with 400 and this message. */
final class BadRequest extends RuntimeException {

    private static final long serialVersionUID = 1L;

    BadRequest(String message) {
        super(message, null, false, false); // expected and frequent: no stack trace needed
    }
}
