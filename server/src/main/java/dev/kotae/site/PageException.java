package dev.kotae.site;

import jakarta.ws.rs.WebApplicationException;

/** A page that cannot be shown: answered with an HTML error page in the visitor's language. */
final class PageException extends WebApplicationException {

    private final String textKey;

    PageException(int status) {
        this(status, null);
    }

    /** With its own explanation (a message key) instead of the status's usual one. */
    PageException(int status, String textKey) {
        super(status);
        this.textKey = textKey;
    }

    static PageException notFound() {
        return new PageException(404);
    }

    /** The message key of the explanation, or {@code null} for the status's own. */
    String textKey() {
        return textKey;
    }
}
