package dev.kotae.index;

/**
 * Every {@link ContentSyncTest} again with each file read and indexed in a round of its own, as a burst of
 * large files is: duplicates, moved ids, deletions and refusals come out the same across rounds.
 */
class ContentSyncInRoundsTest extends ContentSyncTest {

    @Override
    long roundBytes() {
        return 1;
    }
}
