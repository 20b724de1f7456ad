package dev.kotae.source.csv;

/**
 * Something an administrator has to fix: a bad setting, a missing or unreadable file, a file without a
 * question or answer column. The message says what is wrong and where (the setting's path or the file), as
 * it is shown as-is in the server's plugin status.
 */
public final class CsvSourceException extends Exception {

    private static final long serialVersionUID = 1L;

    CsvSourceException(String message) {
        super(message);
    }

    CsvSourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
