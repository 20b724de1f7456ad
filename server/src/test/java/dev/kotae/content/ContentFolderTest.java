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
 * folder the server cannot read is reported, not passed over in silence, also where the tests run as root.
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
            List<String> facts = Files.isReadable(locked) ? withoutTheRightToReadAnyFolder(root, locked)
                    : inProcess(root, locked);
            assertEquals("files=[en/open.md]", facts.get(0), facts::toString);
            assertTrue(facts.get(1).startsWith("passed=en/locked|cannot be read (permission denied)"), facts::toString);
            // The folder itself unreadable is as good as missing: it must not look empty and empty the index.
            assertTrue(facts.get(2).startsWith("missing=") && facts.get(2).contains("cannot be read (permission denied)"),
                    facts::toString);
        } finally {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * The probe's facts from a child JVM run by {@code setpriv} without {@code CAP_DAC_OVERRIDE} and
     * {@code CAP_DAC_READ_SEARCH}: root (CI's user) may read any folder, and only so can it be refused one.
     * Skipped where {@code setpriv} is missing, except in CI.
     */
    private static List<String> withoutTheRightToReadAnyFolder(Path root, Path locked) throws Exception {
        boolean setpriv = Files.isExecutable(Path.of("/usr/bin/setpriv"));
        if (!setpriv && System.getenv("CI") != null) {
            org.junit.jupiter.api.Assertions.fail("CI runs as a user who may read any folder, and /usr/bin/setpriv"
                    + " (util-linux) is missing to drop that right");
        }
        Assumptions.assumeTrue(setpriv, "running with the right to read any folder and no /usr/bin/setpriv to drop"
                + " it: a folder cannot be made unreadable here");
        Process child = new ProcessBuilder("/usr/bin/setpriv", "--bounding-set=-dac_override,-dac_read_search",
                "--inh-caps=-dac_override,-dac_read_search",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), UnreadableFolderProbe.class.getName(),
                root.toString(), locked.toString()).redirectErrorStream(true).start();
        String output = new String(child.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, child.waitFor(), output);
        return output.lines().filter(line -> line.matches("(files|passed|missing)=.*")).toList();
    }

    /** The probe's facts, from this process (which may not read the folder). */
    private static List<String> inProcess(Path root, Path locked) {
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        java.io.PrintStream out = System.out;
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            UnreadableFolderProbe.main(new String[] {root.toString(), locked.toString()});
        } finally {
            System.setOut(out);
        }
        return printed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    }
}
