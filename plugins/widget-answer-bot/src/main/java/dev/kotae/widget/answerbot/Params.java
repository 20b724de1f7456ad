package dev.kotae.widget.answerbot;

import dev.kotae.plugin.WidgetRequest;
import java.util.regex.Pattern;

/** Reads and checks the query parameters of widget requests. */
final class Params {

    /** Longer input is not a question but a pasted e-mail or an attack; the server allows more, we do not. */
    static final int MAX_QUERY_LENGTH = 500;
    /** The server's locale syntax ({@code ja}, {@code en}, {@code pt-BR}); whether it is served is its call. */
    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");

    private Params() {}

    /** The trimmed, required {@code q} parameter. */
    static String question(WidgetRequest request) {
        String q = request.param("q");
        q = q == null ? "" : q.strip();
        if (q.isEmpty()) {
            throw new BadRequest("q is required");
        }
        if (q.codePointCount(0, q.length()) > MAX_QUERY_LENGTH) {
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

    /** A client mistake in a widget request, answered with 400 and this message. */
    static final class BadRequest extends RuntimeException {

        private static final long serialVersionUID = 1L;

        BadRequest(String message) {
            super(message, null, false, false); // expected and frequent: no stack trace needed
        }
    }
}
