package dev.kotae.kept;

/** How one kind of kept values is used, for {@code /metrics}. */
public interface Usage {

    /** Values read from the kept ones, since start. */
    long hits();

    /** Values read from the index (or computed) because none was kept, since start. */
    long misses();

    /** About the heap the kept values take now. */
    long bytes();

    /**
     * The usage of values kept in two levels, the {@code front} one asked first (hits and misses are
     * its), the {@code back} one read on its misses (its heap counts too).
     */
    static Usage ofLevels(Kept<?, ?> front, Kept<?, ?> back) {
        return new Usage() {
            @Override
            public long hits() {
                return front.hits();
            }

            @Override
            public long misses() {
                return front.misses();
            }

            @Override
            public long bytes() {
                return front.bytes() + back.bytes();
            }
        };
    }
}
