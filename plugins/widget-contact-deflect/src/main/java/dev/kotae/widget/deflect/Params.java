package dev.kotae.widget.deflect;

import dev.kotae.plugin.WidgetRequest;
import java.util.regex.Pattern;

/** Reads and checks the query parameters of widget requests. */
final class Params {

    /** Longer input is not a question but a pasted e-mail or an attack; the server allows more, we do not. */
    static final int MAX_QUERY_LENGTH = 500;
    static final int MAX_ID_LENGTH = 200;
    /** The server's locale syntax ({@code ja}, {@code en}, {@code pt-BR}); whether it is served is its call. */
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private Params() {}

    /** The trimmed {@code q} parameter, {@code ""} when absent. */
    static String query(WidgetRequest request) {
        String q = request.param("q");
        q = q == null ? "" : q.strip();
        if (length(q) > MAX_QUERY_LENGTH) {
            throw new BadRequest("q is longer than " + MAX_QUERY_LENGTH + " characters");
        }
        return q;
    }

    /** The {@code locale} parameter, or {@code null} (all locales) when absent or blank. */
    static String locale(WidgetRequest request) {
        String locale = request.param("locale");
        if (locale == null || locale.isBlank()) {
            return null;
        }
        if (!LOCALE.matcher(locale).matches()) {
            throw new BadRequest("locale must look like 'ja' or 'en'");
        }
        return locale;
    }

    /** The required {@code id} parameter. */
    static String id(WidgetRequest request) {
        String id = request.param("id");
        if (id == null || id.isBlank()) {
            throw new BadRequest("id is required");
        }
        if (id.length() > MAX_ID_LENGTH) {
            throw new BadRequest("id is longer than " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }

    /** Length in characters as people count them (code points), so emoji do not count double. */
    static int length(String text) {
        return text.codePointCount(0, text.length());
    }

    /** A client mistake in a widget request, answered with 400 and this message. */
    static final class BadRequest extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false); // expected and frequent: no stack trace needed
        }
    }
}
