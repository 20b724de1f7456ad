package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.LogCapture;
import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.ContentProblem;
import dev.kotae.content.MarkdownRenderer;
import dev.kotae.content.Visibility;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentSyncTest {

    private static final String SETTINGS = "locale=ja;locales=[ja, en]";

    private static Analysis analysis;
    private static SuggestKeys suggestKeys;

    @TempDir
    Path content;

    @TempDir
    Path data;

    private ArticleIndex index;
    private ContentSync sync;

    @BeforeAll
    static void shared() {
        analysis = new Analysis();
        suggestKeys = new SuggestKeys();
    }

    @AfterAll
    static void closeShared() {
        analysis.close();
        suggestKeys.close();
    }

    @BeforeEach
    void open() throws IOException {
        open(SETTINGS);
    }

    private void open(String settings) throws IOException {
        index = ArticleIndex.open(data.resolve("index"), analysis, new RefusingDocuments(suggestKeys), settings);
        ArticleParser parser = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja");
        sync = new ContentSync(new ContentFolder(content), parser, index, roundBytes());
    }

    /** Bytes of files a sync reads before it indexes them ({@link ContentSyncInRoundsTest} makes each file a round). */
    long roundBytes() {
        return ContentSync.ROUND_BYTES;
    }

    @AfterEach
    void close() throws IOException {
        if (index != null) {
            index.close();
            index = null;
        }
    }

    private void reopen(String settings) throws IOException {
        close();
        open(settings);
    }

    /** Writes a file and moves its modification time forward, so its stamp changes even on coarse clocks. */
    private void write(String path, String markdown) throws IOException {
        Path file = content.resolve(path);
        Files.createDirectories(file.getParent());
        FileTime before = Files.exists(file) ? Files.getLastModifiedTime(file) : null;
        Files.writeString(file, markdown);
        if (before != null) {
            Files.setLastModifiedTime(file, FileTime.fromMillis(before.toMillis() + 2000));
        }
    }

    private void delete(String path) throws IOException {
        Files.delete(content.resolve(path));
    }

    private void writeThree() throws IOException {
        write("ja/orders/cancel.md", "# 注文のキャンセル方法\n\n注文履歴からキャンセルできます。\n");
        write("en/orders/refund.md", "# Refund timing\n\nRefunds take five days.\n");
        write("ja/playbooks/escalation.md", "# エスカレーション手順\n\n上長に連絡します。\n");
    }

    private Article stored(String id) throws IOException {
        IndexView view = index.acquire();
        try {
            TopDocs hits = view.search(new TermQuery(new Term(IndexFields.ID, id)), 2);
            if (hits.scoreDocs.length == 0) {
                return null;
            }
            assertEquals(1, hits.totalHits.value, "one document per id");
            return ArticleDocuments.read(view.getIndexReader(), hits.scoreDocs[0].doc);
        } finally {
            index.release(view);
        }
    }

    private String servedSource(String id) throws IOException {
        ArticleIndex.Entry entry = index.entries().get(id);
        return entry == null ? null : entry.source();
    }

    private static void assertReport(ContentSync.Report report, int added, int updated, int deleted, int unchanged) {
        assertEquals(List.of(added, updated, deleted, unchanged),
                List.of(report.added(), report.updated(), report.deleted(), report.unchanged()), report.toString());
    }

    @Test
    void initialSyncIndexesEveryFile() throws IOException {
        writeThree();
        Files.writeString(content.resolve("notes.txt"), "not an article");
        Files.createDirectories(content.resolve(".git"));
        Files.writeString(content.resolve(".git/hidden.md"), "# Hidden\n");

        ContentSync.Report report = sync.syncAll();

        assertReport(report, 3, 0, 0, 0);
        assertEquals(0, report.problems());
        assertEquals(3, index.size());
        assertEquals(3, sync.fileCount());
        assertEquals(Set.of("cancel", "refund", "escalation"), index.entries().keySet());
        assertEquals("content:en/orders/refund.md", servedSource("refund"));
        Article escalation = stored("escalation");
        assertEquals("エスカレーション手順", escalation.title());
        assertEquals("ja", escalation.locale());
        assertEquals(Visibility.INTERNAL, escalation.visibility());
        assertTrue(sync.problems().isEmpty());
    }

    @Test
    void secondSyncOverReopenedIndexChangesNothing() throws IOException {
        writeThree();
        sync.syncAll();

        reopen(SETTINGS);
        ContentSync.Report report = sync.syncAll();

        assertFalse(index.wasReset());
        assertReport(report, 0, 0, 0, 3);
        assertEquals(3, index.size());
        assertEquals(3, sync.fileCount());
    }

    @Test
    void changesWhileStoppedArePickedUpOnNextStart() throws IOException {
        writeThree();
        sync.syncAll();
        close();

        write("en/orders/refund.md", "# Refund timing and methods\n\nRefunds take five days.\n");
        delete("ja/playbooks/escalation.md");
        write("en/new.md", "# New article\n");
        open(SETTINGS);
        ContentSync.Report report = sync.syncAll();

        assertReport(report, 1, 1, 1, 1);
        assertEquals("Refund timing and methods", stored("refund").title());
        assertNull(stored("escalation"));
        assertEquals(Set.of("cancel", "refund", "new"), index.entries().keySet());
    }

    @Test
    void anIndexFromAnOlderSchemaIsRebuilt() throws IOException {
        writeThree();
        sync.syncAll();
        close();
        // An index written before the last schema change (e.g. one whose Japanese terms are still in hiragana).
        try (IndexWriter old = new IndexWriter(FSDirectory.open(data.resolve("index")),
                new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            int previous = Integer.parseInt(ArticleIndex.SCHEMA_VERSION) - 1;
            old.setLiveCommitData(Map.of("kotae.fingerprint", previous + "|" + SETTINGS).entrySet());
            old.commit();
        }

        open(SETTINGS);
        assertTrue(index.wasReset());
        assertEquals(0, index.size());
        assertReport(sync.syncAll(), 3, 0, 0, 0);
    }

    @Test
    void changedSettingsResetTheIndex() throws IOException {
        writeThree();
        sync.syncAll();

        reopen("locale=en;locales=[en]");
        assertTrue(index.wasReset());
        assertEquals(0, index.size());
        ContentSync.Report report = sync.syncAll();

        assertReport(report, 3, 0, 0, 0);
        assertEquals(3, index.size());
    }

    @Test
    void applyUpdatesAModifiedFile() throws IOException {
        writeThree();
        sync.syncAll();
        String oldStamp = index.entries().get("refund").stamp();

        write("en/orders/refund.md", "# Refund timing\n\nRefunds now take three days.\n");
        ContentSync.Report report = sync.apply(Set.of("en/orders/refund.md"));

        assertReport(report, 0, 1, 0, 0);
        assertTrue(stored("refund").text().contains("three days"), stored("refund").text());
        assertFalse(oldStamp.equals(index.entries().get("refund").stamp()));
        assertEquals(3, index.size());
    }

    @Test
    void applyDeletesARemovedFile() throws IOException {
        writeThree();
        sync.syncAll();

        delete("en/orders/refund.md");
        ContentSync.Report report = sync.apply(Set.of("en/orders/refund.md"));

        assertReport(report, 0, 0, 1, 0);
        assertNull(stored("refund"));
        assertEquals(2, index.size());
        assertEquals(2, sync.fileCount());
    }

    @Test
    void applyAddsFilesOfANewFolder() throws IOException {
        writeThree();
        sync.syncAll();

        write("en/billing/invoice.md", "# Invoices\n");
        write("en/billing/tax/vat.md", "# VAT\n");
        ContentSync.Report report = sync.apply(Set.of("en/billing"));

        assertReport(report, 2, 0, 0, 0);
        assertEquals(5, index.size());
        assertEquals("content:en/billing/tax/vat.md", servedSource("vat"));
    }

    @Test
    void applyRemovesFilesOfADeletedFolder() throws IOException {
        writeThree();
        write("en/billing/invoice.md", "# Invoices\n");
        sync.syncAll();

        delete("en/billing/invoice.md");
        Files.delete(content.resolve("en/billing"));
        ContentSync.Report report = sync.apply(Set.of("en/billing"));

        assertReport(report, 0, 0, 1, 0);
        assertNull(stored("invoice"));
        assertEquals(3, index.size());
    }

    @Test
    void applyIgnoresNonArticleFiles() throws IOException {
        writeThree();
        sync.syncAll();

        Files.writeString(content.resolve("en/readme.txt"), "# Not an article\n");
        ContentSync.Report report = sync.apply(Set.of("en/readme.txt"));

        assertEquals(0, report.changed());
        assertEquals(3, index.size());
    }

    @Test
    void brokenFileIsReportedWhileOthersAreServed() throws IOException {
        writeThree();
        write("en/broken.md", "---\nvisiblity: internal\n---\n# Broken\n");
        Files.write(content.resolve("ja/sjis.md"), "# 返金\n".getBytes(Charset.forName("Shift_JIS")));

        ContentSync.Report report = sync.syncAll();

        assertReport(report, 3, 0, 0, 0);
        assertEquals(2, report.problems());
        assertEquals(3, index.size());
        List<ContentProblem> problems = sync.problems();
        assertEquals(List.of("en/broken.md", "ja/sjis.md"), problems.stream().map(ContentProblem::path).toList());
        assertTrue(problems.get(0).message().contains("visiblity"), problems.get(0).message());
        assertTrue(problems.get(1).message().contains("UTF-8"), problems.get(1).message());
        assertEquals(5, sync.fileCount());
    }

    @Test
    void symbolicLinksAreNotFollowedAndAreReportedWhileOthersAreServed(@TempDir Path elsewhere) throws IOException {
        writeThree();
        Files.writeString(elsewhere.resolve("outside.md"), "# Outside\n\nA file from elsewhere on the machine.\n");
        Files.createDirectories(elsewhere.resolve("shared"));
        Files.writeString(elsewhere.resolve("shared/linked.md"), "# Linked folder\n\nShared with another site.\n");
        Files.createSymbolicLink(content.resolve("en/outside.md"), elsewhere.resolve("outside.md"));
        Files.createSymbolicLink(content.resolve("en/shared"), elsewhere.resolve("shared"));
        Files.createSymbolicLink(content.resolve("en/notes.txt"), elsewhere.resolve("outside.md")); // not an article name

        ContentSync.Report report = sync.syncAll();

        assertReport(report, 3, 0, 0, 0);
        assertEquals(3, index.size(), "nothing is served through a link");
        List<ContentProblem> problems = sync.problems();
        assertEquals(List.of("en/outside.md", "en/shared"), problems.stream().map(ContentProblem::path).toList());
        assertTrue(problems.get(0).message().startsWith("a symbolic link is not followed"), problems.get(0).message());
        assertTrue(problems.get(1).message().startsWith("a symbolic link to a folder is not followed"),
                problems.get(1).message());
        assertEquals(3, sync.fileCount());

        // Replacing a link with the file itself serves it and clears the problem; a link made later is reported.
        delete("en/outside.md");
        Files.copy(elsewhere.resolve("outside.md"), content.resolve("en/outside.md"));
        Files.createSymbolicLink(content.resolve("en/later.md"), elsewhere.resolve("outside.md"));
        sync.apply(Set.of("en/outside.md", "en/later.md"));
        assertEquals(4, index.size());
        assertEquals(List.of("en/later.md", "en/shared"), sync.problems().stream().map(ContentProblem::path).toList());
    }

    @Test
    void aContentFolderThatIsItselfALinkIsServedWhereItLeads(@TempDir Path releases) throws IOException {
        writeThree();
        Path current = releases.resolve("current");
        Files.createSymbolicLink(current, content);
        ArticleParser parser = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja");
        ContentSync linked = new ContentSync(new ContentFolder(current), parser, index, roundBytes());

        ContentSync.Report report = linked.syncAll();

        assertReport(report, 3, 0, 0, 0);
        assertTrue(linked.problems().isEmpty(), linked.problems()::toString);
        write("en/orders/shipping.md", "# Shipping\n\nIt ships in two days.\n");
        linked.apply(Set.of("en/orders"));
        assertEquals(4, index.size());
    }

    @Test
    void aFileNestedTooDeeplyToRenderIsReportedWhileOthersAreServed() throws IOException {
        // Before, commonmark's StackOverflowError escaped: it stopped start-up, and while running it ended
        // the one thread that follows the folder, with health still "ok".
        writeThree();
        write("en/nested.md", "---\ntitle: Nested\n---\n" + "- ".repeat(50_000) + "x\n");

        ContentSync.Report report = sync.syncAll();

        assertReport(report, 3, 0, 0, 0);
        assertEquals(List.of("en/nested.md"), sync.problems().stream().map(ContentProblem::path).toList());
        assertTrue(sync.problems().get(0).message().contains("nested too deeply"), sync.problems().get(0).message());
    }

    @Test
    void theFileCountIsReadWithoutWaitingForASyncInProgress() throws Exception {
        writeThree();
        sync.syncAll();
        // A sync holds the object's lock while it reads files: admin status must not wait for it.
        synchronized (sync) {
            CompletableFuture<Integer> count = CompletableFuture.supplyAsync(sync::fileCount);
            assertEquals(3, count.get(30, TimeUnit.SECONDS));
        }
    }

    @Test
    void aFileIndexedUnderOtherRulesIsReadAgainThoughItsSizeAndTimeAreTheSame() throws IOException {
        // The same 18 bytes of front matter, a key given twice: refused since stop 46, served before.
        Path file = content.resolve("en/dup.md");
        write("en/dup.md", "---\ntitle: Abcdefghij\n---\nBody\n");
        sync.syncAll();
        FileTime time = Files.getLastModifiedTime(file);
        Files.writeString(file, "---\ntitle: A\ntitle: B\n---\nBody\n");
        Files.setLastModifiedTime(file, time);

        ArticleParser parser = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja");
        ContentSync sameRules = new ContentSync(new ContentFolder(content), parser, index);
        sameRules.syncAll(index.entries());
        assertTrue(sameRules.problems().isEmpty(), "same size, time and rules: not read again");

        // What an index written before the rules changed holds: the stamps without the rules' mark.
        Map<String, ArticleIndex.Entry> before = new HashMap<>();
        index.entries().forEach((id, entry) -> before.put(id, new ArticleIndex.Entry(entry.source(),
                entry.stamp().replaceFirst("^" + Pattern.quote(ContentFolder.READ_RULES + ":"), ""))));
        ContentSync newRules = new ContentSync(new ContentFolder(content), parser, index);
        newRules.syncAll(before);
        assertEquals(List.of("en/dup.md"), newRules.problems().stream().map(ContentProblem::path).toList());
        assertTrue(newRules.problems().get(0).message().contains("Duplicate field 'title'"),
                newRules.problems().get(0).message());
    }

    @Test
    void fixingABrokenFileServesItAndClearsTheProblem() throws IOException {
        write("en/broken.md", "---\nvisiblity: internal\n---\n# Broken\n");
        sync.syncAll();
        assertEquals(1, sync.problems().size());

        write("en/broken.md", "---\nvisibility: internal\n---\n# Fixed now\n");
        ContentSync.Report report = sync.apply(Set.of("en/broken.md"));

        assertReport(report, 1, 0, 0, 0);
        assertTrue(sync.problems().isEmpty(), sync.problems().toString());
        assertEquals("Fixed now", stored("broken").title());
    }

    @Test
    void breakingAServedFileRemovesItAndReportsIt() throws IOException {
        writeThree();
        sync.syncAll();

        write("en/orders/refund.md", "---\nid: not valid!\n---\n# Refund\n");
        ContentSync.Report report = sync.apply(Set.of("en/orders/refund.md"));

        assertReport(report, 0, 0, 1, 0);
        assertNull(stored("refund"));
        assertEquals(List.of("en/orders/refund.md"), sync.problems().stream().map(ContentProblem::path).toList());
    }

    @Test
    void duplicateIdServesThePathThatSortsFirst() throws IOException {
        write("b/dup.md", "# From b\n");
        write("a/dup.md", "# From a\n");

        ContentSync.Report report = sync.syncAll();

        assertEquals(1, index.size());
        assertEquals("content:a/dup.md", servedSource("dup"));
        assertEquals("From a", stored("dup").title());
        assertEquals(1, report.problems());
        ContentProblem problem = sync.problems().get(0);
        assertEquals("b/dup.md", problem.path());
        assertTrue(problem.message().contains("dup") && problem.message().contains("a/dup.md"), problem.message());
    }

    @Test
    void deletingTheDuplicateWinnerServesTheOther() throws IOException {
        write("a/dup.md", "# From a\n");
        write("b/dup.md", "# From b\n");
        sync.syncAll();

        delete("a/dup.md");
        ContentSync.Report report = sync.apply(Set.of("a/dup.md"));

        assertReport(report, 0, 1, 0, 0);
        assertEquals("content:b/dup.md", servedSource("dup"));
        assertEquals("From b", stored("dup").title());
        assertTrue(sync.problems().isEmpty(), sync.problems().toString());
    }

    @Test
    void breakingTheDuplicateWinnerServesTheOther() throws IOException {
        write("a/dup.md", "# From a\n");
        write("b/dup.md", "# From b\n");
        sync.syncAll();

        write("a/dup.md", "no title here\n");
        sync.apply(Set.of("a/dup.md"));

        assertEquals("content:b/dup.md", servedSource("dup"));
        assertEquals(List.of("a/dup.md"), sync.problems().stream().map(ContentProblem::path).toList());
    }

    /** Every replica serves the same file whatever it served before, and the log says a page changed hands. */
    @Test
    void laterFileThatSortsFirstTakesOverTheIdAndTheLogSaysSo() throws IOException {
        write("b/dup.md", "# From b\n");
        sync.syncAll();
        assertEquals("content:b/dup.md", servedSource("dup"));

        write("a/dup.md", "# From a\n");
        List<String> warned;
        try (LogCapture log = LogCapture.of(ContentSync.class)) {
            sync.apply(Set.of("a/dup.md"));
            sync.apply(Set.of("a/dup.md")); // a second sync does not repeat it
            warned = log.messages();
        }

        assertEquals("content:a/dup.md", servedSource("dup"));
        assertEquals(List.of("b/dup.md"), sync.problems().stream().map(ContentProblem::path).toList());
        assertEquals(1, warned.size(), warned.toString());
        assertTrue(warned.get(0).contains("b/dup.md") && warned.get(0).contains("a/dup.md has it too and is served"),
                warned.get(0));
    }

    @Test
    void duplicatesAreResolvedTheSameWayAfterRestart() throws IOException {
        write("a/dup.md", "# From a\n");
        write("b/dup.md", "# From b\n");
        sync.syncAll();

        reopen(SETTINGS);
        ContentSync.Report report = sync.syncAll();

        assertReport(report, 0, 0, 0, 1);
        assertEquals("content:a/dup.md", servedSource("dup"));
        assertEquals(List.of("b/dup.md"), sync.problems().stream().map(ContentProblem::path).toList());
    }

    @Test
    void changingAnIdMovesTheArticle() throws IOException {
        writeThree();
        sync.syncAll();

        write("en/orders/refund.md", "---\nid: refund-timing\n---\n# Refund timing\n");
        ContentSync.Report report = sync.apply(Set.of("en/orders/refund.md"));

        assertReport(report, 1, 0, 1, 0);
        assertNull(stored("refund"));
        assertEquals("content:en/orders/refund.md", servedSource("refund-timing"));
    }

    @Test
    void rebuildReindexesEverything() throws IOException {
        writeThree();
        sync.syncAll();

        ContentSync.Report report = sync.rebuild();

        assertReport(report, 3, 0, 0, 0);
        assertEquals(3, index.size());
    }

    @Test
    void rebuildOfAnEmptiedFolderEmptiesTheIndex() throws IOException {
        writeThree();
        sync.syncAll();
        // Files vanish without change events (e.g. the watcher missed them), then an admin reindexes.
        delete("ja/orders/cancel.md");
        delete("en/orders/refund.md");
        delete("ja/playbooks/escalation.md");

        ContentSync.Report report = sync.rebuild();

        assertEquals(0, index.size());
        assertEquals(Map.of(), index.entries());
        assertEquals(3, report.deleted(), report.toString());
    }

    private static final String REFUSED_TITLE = "Refused by the index";

    /**
     * The documents of the index, and for an article titled {@link #REFUSED_TITLE} a term longer than Lucene
     * takes, so that one document cannot be written. (A tag did that before the article rules bounded tags.)
     */
    static final class RefusingDocuments extends ArticleDocuments {
        RefusingDocuments(SuggestKeys keys) {
            super(keys);
        }

        @Override
        public org.apache.lucene.document.Document toDocument(Article article, String stamp) throws IOException {
            org.apache.lucene.document.Document doc = super.toDocument(article, stamp);
            if (article.title().equals(REFUSED_TITLE)) {
                doc.add(new org.apache.lucene.document.StringField("immense", "x".repeat(40_000),
                        org.apache.lucene.document.Field.Store.NO));
            }
            return doc;
        }
    }

    /** A file whose document the index refuses ({@link RefusingDocuments}). */
    private static String refusedByTheIndex(String id) {
        return "---\nid: " + id + "\n---\n# " + REFUSED_TITLE + "\n\nBody.\n";
    }

    @Test
    void aDocumentTheIndexRefusesIsReportedAndTheRestOfTheBatchIsServed() throws IOException {
        int files = 100; // a batch large enough to be indexed on every core
        for (int i = 0; i < files; i++) {
            write("en/a" + i + ".md", "---\nid: a" + i + "\n---\n# Refund question " + i + "\n\nBody.\n");
        }
        write("en/refused.md", refusedByTheIndex("refused"));

        ContentSync.Report report = sync.syncAll();

        assertReport(report, files, 0, 0, 0);
        assertEquals(files, index.size(), "the rest of the change was written and published");
        assertEquals(List.of("en/refused.md"), sync.problems().stream().map(ContentProblem::path).toList());
        assertTrue(sync.problems().get(0).message().startsWith("cannot be indexed"), sync.problems().get(0).message());

        write("en/refused.md", "---\nid: refused\n---\n# Accepted now\n\nBody.\n");
        assertReport(sync.apply(Set.of("en/refused.md")), 1, 0, 0, 0);
        assertEquals("Accepted now", stored("refused").title());
        assertTrue(sync.problems().isEmpty(), sync.problems().toString());
    }

    @Test
    void aRefusedEditOfAServedFileIsReportedAndRetriedOnItsNextChange() throws IOException {
        writeThree();
        sync.syncAll();

        write("en/orders/refund.md", refusedByTheIndex("refund"));
        ContentSync.Report refused = sync.apply(Set.of("en/orders/refund.md"));

        assertReport(refused, 0, 0, 1, 0);
        assertNull(stored("refund"), "served like a file that cannot be parsed: not at all");
        assertEquals(List.of("en/orders/refund.md"), sync.problems().stream().map(ContentProblem::path).toList());

        write("en/orders/refund.md", "# Refund timing\n\nRefunds take three days.\n");
        assertReport(sync.apply(Set.of("en/orders/refund.md")), 1, 0, 0, 0);
        assertEquals("Refund timing", stored("refund").title());
        assertTrue(sync.problems().isEmpty(), sync.problems().toString());
    }

    @Test
    void changeEventReindexesAnEditThatKeepsSizeAndTimestamp() throws IOException {
        writeThree();
        sync.syncAll();
        Path file = content.resolve("en/orders/refund.md");
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, "# Refund timing\n\nRefunds take nine days.\n"); // "five" -> "nine"
        Files.setLastModifiedTime(file, before); // same size, same mtime: the stamp cannot tell
        sync.apply(List.of("en/orders/refund.md"));
        assertTrue(stored("refund").text().contains("nine"), stored("refund").text());
    }
}
