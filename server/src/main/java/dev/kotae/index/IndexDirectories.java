package dev.kotae.index;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;

/**
 * Opens the Lucene {@link Directory} that an {@link ArticleIndex} keeps its files in. The server uses
 * {@link #FILE_SYSTEM}; this is the one seam where a test puts a fault-injecting
 * {@link org.apache.lucene.store.FilterDirectory} (a disk that fills up) under a real index.
 */
@FunctionalInterface
public interface IndexDirectories {

    /** The files in {@code path}, through Lucene's best directory for this platform. */
    IndexDirectories FILE_SYSTEM = FSDirectory::open;

    /** The directory for the index files in {@code path}, which exists. */
    Directory open(Path path) throws IOException;
}
