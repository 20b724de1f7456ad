package dev.kotae.util;

/** A request refused for what it asks (a bad locale, date range or vote), with a message for the caller: the API answers 400. */
public final class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;

    public InvalidRequestException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable machine-readable reason, e.g. {@code unknown_locale}. */
    public String code() {
        return code;
    }
}
