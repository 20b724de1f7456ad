package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.SegmentReader;
import org.apache.lucene.index.SerialMergeScheduler;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.TieredMergePolicy;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.junit.jupiter.api.Test;

/**
 * Single edits leave one small segment beside the large one, which is not rewritten for them. Merges run
 * on the committing thread here ({@link SerialMergeScheduler}) and the segments are counted by a reader
 * of the writer's own, so each count is exact (a server publishes a merge with its next change).
 */
class EditSegmentsMergePolicyTest {

    private static final int ARTICLES = 400;
    private static final int EDITS = 40;

    @Test
    void editsAfterABulkChangeKeepFewSegmentsAndLeaveTheLargeOneAlone() throws IOException {
        int most = mostSegmentsDuringEdits(new EditSegmentsMergePolicy(ArticleIndex.MERGE_AFTER_CHANGES));
        assertTrue(most <= 2, "the large segment and the edits' one, was " + most);
    }

    @Test
    void mergesOnlyWhatEditsAddUpTo() throws IOException {
        // Beside 2,000 documents: 400 and 500 together are fewer than 1,000, so they are merged; 600 and
        // 500 are more than edits add up to before the whole index is merged into one, so they are left.
        assertEquals(2, segmentsAfterCommits(2000, 400, 500));
        assertEquals(3, segmentsAfterCommits(2000, 600, 500));
    }

    @Test
    void theTieredPolicyAloneLetsThemGather() throws IOException {
        // What the rule is for, and so what the first test would find without it: one-article segments gather.
        assertTrue(mostSegmentsDuringEdits(new TieredMergePolicy()) >= 8);
    }

    /** The most segments the index had after any of {@value #EDITS} single-article commits. */
    private static int mostSegmentsDuringEdits(MergePolicy policy) throws IOException {
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                        .setMergePolicy(policy).setMergeScheduler(new SerialMergeScheduler()))) {
            for (int i = 0; i < ARTICLES; i++) {
                writer.addDocument(article("a" + i));
            }
            writer.commit();
            String large = onlySegment(directory);
            int most = 0;
            for (int edit = 0; edit < EDITS; edit++) {
                // An edit replaces an article: a deletion in the large segment, a new one-article segment.
                writer.updateDocument(new Term("id", "a" + edit), article("a" + edit));
                writer.commit();
                try (DirectoryReader reader = DirectoryReader.open(writer)) {
                    most = Math.max(most, reader.leaves().size());
                    assertEquals(ARTICLES, reader.numDocs());
                    if (policy instanceof EditSegmentsMergePolicy) {
                        assertTrue(reader.leaves().stream().anyMatch(leaf -> name(leaf).equals(large)),
                                "the large segment is still there after edit " + edit);
                    }
                }
            }
            return most;
        }
    }

    /** The segments after one commit of each of {@code batches} documents. */
    private static int segmentsAfterCommits(int... batches) throws IOException {
        try (Directory directory = new ByteBuffersDirectory();
                IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig(new StandardAnalyzer())
                        .setMergePolicy(new EditSegmentsMergePolicy(ArticleIndex.MERGE_AFTER_CHANGES))
                        .setMergeScheduler(new SerialMergeScheduler()))) {
            int id = 0;
            for (int batch : batches) {
                for (int i = 0; i < batch; i++) {
                    writer.addDocument(article("b" + id++));
                }
                writer.commit();
            }
            try (DirectoryReader reader = DirectoryReader.open(writer)) {
                return reader.leaves().size();
            }
        }
    }

    private static String onlySegment(Directory directory) throws IOException {
        try (DirectoryReader reader = DirectoryReader.open(directory)) {
            assertEquals(1, reader.leaves().size());
            return name(reader.leaves().get(0));
        }
    }

    private static String name(LeafReaderContext leaf) {
        return ((SegmentReader) leaf.reader()).getSegmentName();
    }

    private static Document article(String id) {
        Document document = new Document();
        document.add(new StringField("id", id, Field.Store.NO));
        return document;
    }
}
