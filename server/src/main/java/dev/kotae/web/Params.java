package dev.kotae.web;

import dev.kotae.http.ApiException;
import dev.kotae.util.AsciiNumbers;
import java.io.IOException;
import java.io.InputStream;

/** Parses query parameters with messages that say what was expected (Jersey's own would answer 404). */
final class Params {

    private Params() {}

    static int integer(String raw, String name, int defaultValue) {
        if (raw == null || raw.isBlank()) {
            return defaultValue;
        }
        return AsciiNumbers.wholeNumber(raw.strip()).orElseThrow(
                () -> ApiException.badRequest("bad_" + name, name + " must be a whole number"));
    }

    /** A whole number from 1 to {@code max}; 400 {@code bad_<name>} otherwise. */
    static int bounded(String raw, String name, int defaultValue, int max) {
        int value = integer(raw, name, defaultValue);
        if (value < 1 || value > max) {
            throw ApiException.badRequest("bad_" + name, name + " must be between 1 and " + max);
        }
        return value;
    }

    /**
     * A request body read up to {@code maxBytes}: a larger one is refused with 413 without being read
     * (Jersey would otherwise buffer all of it before any size check).
     */
    static byte[] body(InputStream in, int maxBytes) throws IOException {
        byte[] bytes = in == null ? new byte[0] : in.readNBytes(maxBytes + 1);
        if (bytes.length > maxBytes) {
            throw new ApiException(413, "body_too_large", "the body may be at most " + maxBytes / 1024 + " KiB");
        }
        return bytes;
    }

    static String optional(String raw) {
        return raw == null || raw.isBlank() ? null : raw.strip();
    }
}
