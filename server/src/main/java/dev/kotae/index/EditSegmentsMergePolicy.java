package dev.kotae.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.apache.lucene.index.FilterMergePolicy;
import org.apache.lucene.index.MergePolicy;
import org.apache.lucene.index.MergeTrigger;
import org.apache.lucene.index.SegmentCommitInfo;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.TieredMergePolicy;

/**
 * Lucene's tiered merge policy, and one rule of ours on top: the small segments that published changes
 * leave behind (an edit, a learned phrasing: a few articles each) are merged into one as soon as there
 * are two of them. Every search and suggestion pays for each segment it visits (a term lookup, a scorer,
 * a prefix's terms enumerated per segment), and the tiered policy lets about ten one-article segments
 * gather beside a large one before it merges them: at 10k articles, nine of them made a suggestion 60%
 * slower and a search 15% (docs/benchmarks.md, 2026-12-06).
 *
 * <p>A segment is small when it is not the largest and holds fewer than {@value #SMALL_DOCS} documents:
 * what single edits add up to before {@link ArticleIndex} merges the whole index into one after that
 * many changes. So each merge this rule asks for rewrites at most that many documents, never the large
 * segment, and never the thousands of documents a bulk change's flushes write (those wait for the
 * merge into one that follows a bulk change).
 */
final class EditSegmentsMergePolicy extends FilterMergePolicy {

    static final int SMALL_DOCS = ArticleIndex.MERGE_AFTER_CHANGES;

    EditSegmentsMergePolicy() {
        super(new TieredMergePolicy());
    }

    @Override
    public MergeSpecification findMerges(MergeTrigger trigger, SegmentInfos infos, MergeContext context)
            throws IOException {
        MergeSpecification tiered = super.findMerges(trigger, infos, context);
        if (tiered != null) {
            return tiered;
        }
        SegmentCommitInfo largest = null;
        for (SegmentCommitInfo segment : infos) {
            if (largest == null || segment.info.maxDoc() > largest.info.maxDoc()) {
                largest = segment;
            }
        }
        Set<SegmentCommitInfo> merging = context.getMergingSegments();
        List<SegmentCommitInfo> small = new ArrayList<>();
        for (SegmentCommitInfo segment : infos) {
            if (segment != largest && !merging.contains(segment) && segment.info.maxDoc() < SMALL_DOCS) {
                small.add(segment);
            }
        }
        if (small.size() < 2) {
            return null;
        }
        MergeSpecification fold = new MergeSpecification();
        fold.add(new MergePolicy.OneMerge(small));
        return fold;
    }
}
