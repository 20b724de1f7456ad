package dev.kotae.synonyms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.content.ContentFolder;
import dev.kotae.content.ContentProblem;
import dev.kotae.index.Analysis;
import dev.kotae.index.LanguageFamily;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file followed: used when usable, the last good set kept (and the file reported) when not. */
class SynonymsFileTest {

    private static Analysis analysis;

    @TempDir
    Path content;

    private Path file;
    private SynonymsFile synonyms;

    @BeforeAll
    static void analysis() {
        analysis = new Analysis();
    }

    @AfterAll
    static void close() {
        analysis.close();
    }

    @BeforeEach
    void folder() {
        file = content.resolve(SynonymsFile.NAME);
        synonyms = new SynonymsFile(new ContentFolder(content), analysis);
    }

    @Test
    void noFileIsNoSynonyms() {
        assertFalse(synonyms.reload());
        assertSame(Synonyms.NONE, synonyms.current());
        assertTrue(synonyms.problem().isEmpty());
    }

    @Test
    void aLinkIsNotFollowed() throws Exception {
        Path elsewhere = Files.writeString(content.resolveSibling(content.getFileName() + "-secret.txt"),
                "秘密, 内部\n");
        try {
            Files.createSymbolicLink(file, elsewhere);
            assertFalse(synonyms.reload());
            assertSame(Synonyms.NONE, synonyms.current());
            assertTrue(synonyms.problem().orElseThrow().message().contains("not a regular file"));
        } finally {
            Files.deleteIfExists(elsewhere);
        }
    }

    @Test
    void aLineOfTermsThatFoldToOneWordCountsAgainstTheLimit() throws Exception {
        // Every term folds to «ｘ»: no pair survives, yet the parser makes n × (n − 1) of them.
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            line.append(i % 2 == 0 ? "x" : "X").append(i < 299 ? ", " : "\n");
        }
        write(line.toString());
        assertFalse(synonyms.reload());
        assertTrue(synonyms.problem().orElseThrow().message().contains("synonym pairs"));
    }

    @Test
    void aChangedFileIsANewSetAndAnUnchangedOneIsNot() throws Exception {
        write("解約, 退会\n");
        assertTrue(synonyms.reload());
        Synonyms first = synonyms.current();
        assertEquals(1, first.version());
        assertEquals(List.of("退会"), only(first, "解約"));

        assertFalse(synonyms.reload(), "the same text again (a touched file) is the same set");
        assertSame(first, synonyms.current());

        write("解約, 退会\n領収書, レシート\n");
        assertTrue(synonyms.reload());
        assertEquals(2, synonyms.current().version());
        assertEquals(2, synonyms.current().rules());

        Files.delete(file);
        assertTrue(synonyms.reload());
        assertSame(Synonyms.NONE, synonyms.current(), "a deleted file is no synonyms");
    }

    @Test
    void aBrokenFileKeepsTheSetBeforeAndIsReportedUntilFixed() throws Exception {
        write("解約, 退会\n");
        synonyms.reload();
        Synonyms good = synonyms.current();

        write("解約, 退会\ncancel => stop => end\n");
        assertFalse(synonyms.reload());
        assertSame(good, synonyms.current());
        ContentProblem problem = synonyms.problem().orElseThrow();
        assertEquals(SynonymsFile.NAME, problem.path());
        assertTrue(problem.message().contains("line 2") && problem.message().contains("loaded before are used"),
                problem.message());

        write("解約, 退会\ncancel => stop\n");
        assertTrue(synonyms.reload());
        assertTrue(synonyms.problem().isEmpty(), "fixed: no longer reported");
        assertEquals(List.of("stop"), only(synonyms.current(), LanguageFamily.EN, "cancel"));
    }

    @Test
    void aFileRestoredToTheSetInUseIsNoLongerReported() throws Exception {
        write("解約, 退会\n");
        synonyms.reload();
        write("解約, 退会, \n");
        synonyms.reload();
        assertTrue(synonyms.problem().isPresent());
        write("解約, 退会\n");
        assertFalse(synonyms.reload(), "the set in use already");
        assertTrue(synonyms.problem().isEmpty());
    }

    @Test
    void aHugeFileIsRefusedUnread() throws Exception {
        String line = "解約, 退会\n";
        write(line.repeat((int) (SynonymsFile.MAX_BYTES / line.getBytes(StandardCharsets.UTF_8).length) + 1));
        assertFalse(synonyms.reload());
        assertSame(Synonyms.NONE, synonyms.current());
        String message = synonyms.problem().orElseThrow().message();
        assertTrue(message.contains("limited to 256 KiB") && message.contains("without synonyms"), message);
    }

    @Test
    void aFileThatIsNotUtf8IsRefused() throws Exception {
        Files.write(file, "解約, 退会\n".getBytes("Shift_JIS"));
        assertFalse(synonyms.reload());
        assertTrue(synonyms.problem().orElseThrow().message().contains("UTF-8"));
    }

    @Test
    void aByteOrderMarkIsNotPartOfTheFirstTerm() throws Exception {
        write("\uFEFFrefund, reimbursement\n");
        synonyms.reload();
        assertEquals(List.of("reimburs"), only(synonyms.current(), LanguageFamily.EN, "refund"));
    }

    @Test
    void aMissingFolderKeepsTheSet() throws Exception {
        write("解約, 退会\n");
        synonyms.reload();
        Synonyms good = synonyms.current();
        Files.delete(file);
        Files.delete(content);
        assertFalse(synonyms.reload());
        assertSame(good, synonyms.current(), "a folder gone for a moment is not a file without synonyms");
    }

    @Test
    void onlyAChangeOfTheFileItselfConcernsIt() {
        assertTrue(SynonymsFile.isAmong(Set.of("ja/a.md", "synonyms.txt")));
        assertFalse(SynonymsFile.isAmong(Set.of("ja/synonyms.txt", "ja/a.md")));
    }

    private void write(String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static List<String> only(Synonyms synonyms, String japaneseWord) {
        return only(synonyms, LanguageFamily.JA, japaneseWord);
    }

    private static List<String> only(Synonyms synonyms, LanguageFamily family, String word) {
        List<Synonyms.Match> matches = synonyms.of(family, List.of(word));
        assertEquals(1, matches.size(), matches.toString());
        return matches.get(0).synonym();
    }
}
