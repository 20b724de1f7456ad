package dev.kotae.content;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The content folder is not there (deleted, or being swapped by a deploy). Nothing is compared against a
 * missing folder: that would delete every article, when the folder is most likely back in a moment.
 */
public final class ContentFolderMissingException extends IOException {
    private static final long serialVersionUID = 1L;

    public ContentFolderMissingException(Path root) {
        super("content folder " + root + " is missing; the index keeps what it has until it is back");
    }
}
