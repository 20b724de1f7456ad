package dev.kotae.kept;

/** How one kind of kept values is used, for {@code /metrics}. */
public interface Usage {

    /** Values read from the kept ones, since start. */
    long hits();

    /** Values read from the index (or computed) because none was kept, since start. */
    long misses();

    /** About the heap the kept values take now. */
    long bytes();
}
