package dev.kotae.web;

/** Parses query parameters with messages that say what was expected (Jersey's own would answer 404). */
final class Params {

    private Params() {}

    static int integer(String raw, String name, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(raw.strip());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("bad_" + name, name + " must be a whole number");
        }
    }

    static String optional(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
