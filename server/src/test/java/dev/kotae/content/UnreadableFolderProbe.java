package dev.kotae.content;

import java.nio.file.Path;

/**
 * What {@link ContentFolder} makes of a folder it cannot read, printed one fact per line: run by
 * {@link ContentFolderTest} in a child process without the right to read any folder, when the tests run
 * as root (in CI, say), where a folder cannot be made unreadable otherwise.
 */
final class UnreadableFolderProbe {

    private UnreadableFolderProbe() {}

    /** {@code args[0]}: the content folder; {@code args[1]}: the unreadable folder inside it. */
    public static void main(String[] args) {
        ContentFolder.Listing listing = new ContentFolder(Path.of(args[0])).walk(null);
        System.out.println("files=" + listing.files());
        listing.passedOver().forEach(p -> System.out.println("passed=" + p.path() + "|" + p.message()));
        try {
            new ContentFolder(Path.of(args[1])).requirePresent();
            System.out.println("missing=no");
        } catch (ContentFolderMissingException e) {
            System.out.println("missing=" + e.getMessage());
        }
    }
}
