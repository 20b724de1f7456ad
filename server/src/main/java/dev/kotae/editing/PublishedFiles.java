package dev.kotae.editing;

import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentException;
import dev.kotae.content.ContentFolder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Where each article is published now, read from disk at the moment of asking: its file's bytes and
 * version (so a change made in an engineer's editor or by {@code git pull} counts at once), or the plugin
 * article the index holds. Thread-safe.
 */
final class PublishedFiles {

    /** Where an article is published now: its file (read now), a plugin's article, or nowhere. */
    sealed interface Located permits InFile, FromPlugin, Nowhere {}

    /** A content file whose own id is the article's, with its bytes and their version. */
    record InFile(String path, byte[] bytes, String version) implements Located {}

    /** An article of a plugin content source: read-only here. */
    record FromPlugin(Article article) implements Located {}

    record Nowhere() implements Located {}

    private final ContentFolder folder;
    private final ArticleParser parser;
    private final ArticleLocator locator;
    private final KnownPaths knownPaths;

    PublishedFiles(ContentFolder folder, ArticleParser parser, ArticleLocator locator, KnownPaths knownPaths) {
        this.folder = folder;
        this.parser = parser;
        this.locator = locator;
        this.knownPaths = knownPaths;
    }

    /**
     * Finds the article's file and reads it now: the path the editor last wrote it to (the index may not
     * have seen that yet), else the one the index knows; a file counts only if its own id is {@code id}.
     */
    Located locate(String id) {
        if (Article.isFileId(id)) {
            Optional<InFile> known = knownPaths.get(id).flatMap(path -> readIfId(path, id));
            if (known.isPresent()) {
                return known.get();
            }
        }
        Optional<Article> indexed;
        try {
            indexed = locator.find(id);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (indexed.isEmpty()) {
            return new Nowhere();
        }
        String source = indexed.get().source();
        if (source.startsWith("content:")) {
            return readIfId(source.substring("content:".length()), id).<Located>map(f -> f).orElse(new Nowhere());
        }
        return new FromPlugin(indexed.get());
    }

    /** The article's content file, read now, if it is published from one (not a plugin's, not gone). */
    Optional<InFile> file(String id) {
        return locate(id) instanceof InFile file ? Optional.of(file) : Optional.empty();
    }

    /** Notes that the editor wrote (or deleted) the article's file at {@code path}. */
    void remember(String id, String path) throws IOException {
        knownPaths.put(id, path);
    }

    /** The path the editor last wrote the article to, e.g. for the history of a deleted article. */
    Optional<String> lastKnownPath(String id) {
        return knownPaths.get(id);
    }

    /**
     * The file at {@code path} if its own id is {@code id}. Only the front matter is read for that (no
     * Markdown is rendered): a file whose body or title is broken is still this article's file.
     */
    private Optional<InFile> readIfId(String path, String id) {
        try {
            ContentFolder.FileContent content = folder.read(path);
            return parser.idOf(path, parser.source(content.bytes()).frontMatter()).equals(id)
                    ? Optional.of(new InFile(path, content.bytes(), Versions.of(content.bytes())))
                    : Optional.empty();
        } catch (IOException | ContentException | IllegalArgumentException e) {
            return Optional.empty(); // gone, unreadable, broken or outside the folder: not this article's file now
        }
    }
}
