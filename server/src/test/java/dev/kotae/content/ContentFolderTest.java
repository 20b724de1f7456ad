package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file's stamp names the rules it is read by and records its size (the sync's rounds are cut by it); a
 * folder the server cannot read is reported, not passed over in silence.
 */
class ContentFolderTest {

    @TempDir
    Path root;

    @Test
    void aStampRecordsTheRulesAndTheFileSize() throws Exception {
        Files.createDirectories(root.resolve("en"));
        Files.write(root.resolve("en/a.md"), new byte[12_345]);
        ContentFolder folder = new ContentFolder(root);
        String stamp = folder.stamp("en/a.md");
        assertTrue(stamp.startsWith(ContentFolder.READ_RULES + ":"), stamp);
        assertEquals(12_345, ContentFolder.sizeIn(stamp));

        Files.write(root.resolve("en/a.md"), new byte[7]);
        assertNotEquals(stamp, folder.stamp("en/a.md"));
        assertEquals(7, ContentFolder.sizeIn(folder.stamp("en/a.md")));
    }

    @Test
    void aFolderTheServerCannotReadIsReportedWithTheOthersListed() throws Exception {
        Files.createDirectories(root.resolve("en/locked"));
        Files.writeString(root.resolve("en/locked/secret.md"), "# Locked\n");
        Files.writeString(root.resolve("en/open.md"), "# Open\n");
        Path locked = root.resolve("en/locked");
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        try {
            // Whoever may read any folder (root, CAP_DAC_OVERRIDE) cannot make one unreadable this way.
            Assumptions.assumeFalse(Files.isReadable(locked), "running with the right to read any folder (root?):"
                    + " a folder cannot be made unreadable here");
            ContentFolder.Listing listing = new ContentFolder(root).walk(null);
            assertEquals(List.of("en/open.md"), listing.files());
            assertEquals(List.of("en/locked"), listing.passedOver().stream().map(ContentProblem::path).toList());
            assertTrue(listing.passedOver().get(0).message().startsWith("cannot be read (permission denied)"),
                    listing.passedOver().get(0).message());
            // The folder itself unreadable is as good as missing: it must not look empty and empty the index.
            ContentFolderMissingException missing = org.junit.jupiter.api.Assertions.assertThrows(
                    ContentFolderMissingException.class, () -> new ContentFolder(locked).requirePresent());
            assertTrue(missing.getMessage().contains("cannot be read (permission denied)"), missing.getMessage());
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }
}
