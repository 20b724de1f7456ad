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
 * gather beside a large one before it merges them (what that cost is in docs/benchmarks.md).
 *
 * <p>The rule merges the segments other than the largest only while they hold fewer documents together
 * than a bound: what single edits add up to before the index is merged into one ({@link ArticleIndex}
 * passes the number of changes after which it does that). So each merge it asks for rewrites fewer
 * documents than that, never the largest segment, and never the many segments a bulk change flushes
 * (those are left to the tiered policy and the merge into one that follows the bulk change).
 */
final class EditSegmentsMergePolicy extends FilterMergePolicy {

    private final int maxBesideLargest;

    /** @param maxBesideLargest the segments beside the largest are merged only while they hold fewer documents */
    EditSegmentsMergePolicy(int maxBesideLargest) {
        super(new TieredMergePolicy());
        this.maxBesideLargest = maxBesideLargest;
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
        long documents = 0;
        for (SegmentCommitInfo segment : infos) {
            if (segment != largest && !merging.contains(segment)) {
                small.add(segment);
                documents += segment.info.maxDoc();
            }
        }
        if (small.size() < 2 || documents >= maxBesideLargest) {
            return null;
        }
        MergeSpecification fold = new MergeSpecification();
        fold.add(new MergePolicy.OneMerge(small));
        return fold;
    }
}
