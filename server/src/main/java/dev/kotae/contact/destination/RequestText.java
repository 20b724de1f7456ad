package dev.kotae.contact.destination;

import dev.kotae.contact.ContactRequest;
import java.util.List;

/**
 * A contact request as a person reads it: one subject line and a plain-text body with every field. The
 * e-mail and the ticket comment both use it, so a support team reads the same request wherever it lands.
 */
final class RequestText {

    private RequestText() {
    }

    /**
     * {@code [<priority>] <category label>: <subject>}, on one line ({@link #oneLine}): a header or a ticket
     * subject made from it can never carry a second line.
     */
    static String subjectLine(ContactRequest request) {
        return "[" + request.priority().key() + "] " + oneLine(request.categoryLabel()) + ": "
                + oneLine(request.subject());
    }

    /**
     * The customer's description first (what a person answers), then every other field of the request. Line
     * breaks are {@code \n} whatever the customer's browser sent.
     */
    static String body(ContactRequest request) {
        StringBuilder text = new StringBuilder();
        text.append(request.description().replace("\r\n", "\n").replace('\r', '\n').strip()).append("\n\n");
        text.append("--\n");
        field(text, "Request", request.id());
        field(text, "Submitted", request.submittedAt().toString());
        field(text, "Category", oneLine(request.categoryLabel()) + " (" + oneLine(request.categoryId()) + ")");
        field(text, "Priority", request.priority().key());
        field(text, "Name", request.name() == null || request.name().isBlank() ? "(not given)" : oneLine(request.name()));
        field(text, "E-mail", oneLine(request.email()));
        field(text, "Subject", oneLine(request.subject()));
        field(text, "Language", request.locale());
        field(text, "Articles suggested", list(request.articlesShown()));
        field(text, "Articles opened", list(request.articlesOpened()));
        return text.toString();
    }

    /**
     * {@code text} with every line break, tab and other control character turned into one space, and runs of
     * blanks collapsed: what may go into a mail header or a subject. CR and LF are what header injection
     * needs; U+2028/U+2029 are line breaks too for some readers.
     */
    static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder line = new StringBuilder(text.length());
        boolean blank = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int type = Character.getType(c);
            boolean space = Character.isWhitespace(c) || type == Character.CONTROL
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR;
            if (space) {
                blank = true;
            } else {
                if (blank && line.length() > 0) {
                    line.append(' ');
                }
                blank = false;
                line.append(c);
            }
        }
        return line.toString();
    }

    /** {@code message} with each non-blank secret replaced by {@code ***}: the last guard before an admin sees it. */
    static String redact(String message, String... secrets) {
        if (message == null) {
            return null;
        }
        String redacted = message;
        for (String secret : secrets) {
            if (secret != null && !secret.isBlank()) {
                redacted = redacted.replace(secret, "***");
            }
        }
        return redacted;
    }

    private static void field(StringBuilder text, String label, String value) {
        text.append(label).append(": ").append(value).append('\n');
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? "(none)" : String.join(", ", ids.stream().map(RequestText::oneLine).toList());
    }
}
