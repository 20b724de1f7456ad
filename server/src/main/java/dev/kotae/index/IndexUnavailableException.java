package dev.kotae.index;

import java.io.IOException;

/**
 * The index cannot be written now: a write failed (a full disk, a permission) and its writer is being
 * reopened. Searches go on from the last published version; what was not written is redone by the full
 * resync that follows the reopening (see {@link IndexRecovery}).
 */
public final class IndexUnavailableException extends IOException {
    private static final long serialVersionUID = 1L;

    public IndexUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
