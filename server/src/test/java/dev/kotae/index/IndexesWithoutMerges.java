package dev.kotae.index;

import java.io.IOException;
import java.nio.file.Path;

/** For tests outside this package that need an index whose segments stay as the changes left them. */
public final class IndexesWithoutMerges {

    private IndexesWithoutMerges() {
    }

    /** An index in {@code path} that never merges: one segment per published change, deletes kept. */
    public static ArticleIndex open(Path path, Analysis analysis, ArticleDocuments documents) throws IOException {
        return ArticleIndex.openWithoutMerges(path, analysis, documents);
    }
}
