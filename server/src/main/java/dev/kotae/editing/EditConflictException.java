package dev.kotae.editing;

/**
 * A save or publish started from a version that is no longer the newest: refused, never a silent
 * overwrite. Carries what is there now and a unified diff from it to what the caller sent, so the caller
 * can merge by hand and nothing is lost.
 */
public final class EditConflictException extends Exception {

    private final String currentVersion;
    private final String diff;

    public EditConflictException(String message, String currentVersion, String diff) {
        super(message);
        this.currentVersion = currentVersion;
        this.diff = diff;
    }

    /** The version (published version or draft revision) to start again from, or {@code null} if gone. */
    public String currentVersion() {
        return currentVersion;
    }

    /** A unified diff from the newest version to the caller's text. */
    public String diff() {
        return diff;
    }
}
