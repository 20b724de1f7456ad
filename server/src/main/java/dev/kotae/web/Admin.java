package dev.kotae.web;

import java.io.IOException;
import java.util.Map;

/** The operations behind {@code /api/v1/admin/*}, implemented by the application that owns the parts. */
public interface Admin {

    /** Counts, per-file problems, index and plugin state. */
    Map<String, Object> status() throws IOException;

    /** Rebuilds the index from all sources and says what it did. */
    Map<String, Object> reindex() throws IOException;
}
