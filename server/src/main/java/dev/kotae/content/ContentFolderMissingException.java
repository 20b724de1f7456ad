package dev.kotae.content;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The content folder is not there (deleted, or being swapped by a deploy), or cannot be read. Nothing is
 * compared against such a folder: that would delete every article, when the folder is most likely back in a moment.
 */
public final class ContentFolderMissingException extends IOException {
    private static final long serialVersionUID = 1L;

    public ContentFolderMissingException(Path root) {
        super("content folder " + root + " is missing; the index keeps what it has until it is back");
    }

    /** The folder is there but cannot be read ({@code why}, e.g. "permission denied"): the same as missing. */
    public ContentFolderMissingException(Path root, String why) {
        super("content folder " + root + " cannot be read (" + why + "); the index keeps what it has until it can");
    }
}
