package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A file's stamp names the rules it is read by and records its size (the sync's rounds are cut by it). */
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
}
