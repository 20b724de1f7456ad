package dev.kotae.editing;

import dev.kotae.content.Article;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds a served article by id, whatever its source (a content file or a plugin source), including
 * internal ones: the search index in the server. Its answer may lag a file change by the content
 * watcher's delay; the editor reads the file itself for anything that must be current.
 */
@FunctionalInterface
public interface ArticleLocator {
    Optional<Article> find(String id) throws IOException;
}
