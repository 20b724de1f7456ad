package dev.kotae.site;

import jakarta.ws.rs.WebApplicationException;

/** A page that cannot be shown: answered with an HTML error page in the visitor's language. */
final class PageException extends WebApplicationException {

    PageException(int status) {
        super(status);
    }

    static PageException notFound() {
        return new PageException(404);
    }
}
