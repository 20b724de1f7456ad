package dev.kotae.editing;

import dev.kotae.ManualClock;
import dev.kotae.auth.Caller;
import dev.kotae.auth.Role;
import dev.kotae.config.EditorConfig;
import dev.kotae.content.Article;
import dev.kotae.content.ArticleParser;
import dev.kotae.content.ContentException;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.MarkdownRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * An {@link ArticleEditor} over a copy of the sample content in a temporary folder, with a clock the test
 * moves and a locator that reads the folder itself (standing in for the index) plus plugin articles the
 * test adds.
 */
final class EditorFixture implements AutoCloseable {

    static final Caller ALICE = new Caller("alice", Role.EDITOR);
    static final Caller BOB = new Caller("bob", Role.EDITOR);
    static final Caller CAROL = new Caller("carol", Role.EDITOR);
    static final Caller ADMIN = new Caller("root", Role.ADMIN);
    static final Caller AGENT = new Caller("agnes", Role.AGENT);

    /** A clock the test sets; starts at 2026-12-05 10:00 UTC. */
    static final class TestClock extends ManualClock {
        TestClock() {
            super("2026-12-05T10:00:00Z");
        }

        private volatile Runnable beforeNextRead;

        /**
         * Runs {@code action} when the clock is next read, once: to act in the middle of a write, after
         * the editor checked the file and while it prepares the text (dating it).
         */
        void beforeNextRead(Runnable action) {
            beforeNextRead = action;
        }

        @Override
        public Instant instant() {
            Runnable action = beforeNextRead;
            if (action != null) {
                beforeNextRead = null;
                action.run();
            }
            return super.instant();
        }
    }

    final Path content;
    final Path data;
    final TestClock clock = new TestClock();
    final ArticleParser parser = new ArticleParser(new MarkdownRenderer(), Set.of("ja", "en"), "ja");
    final ContentFolder folder;
    final Map<String, Article> pluginArticles = new HashMap<>();
    final ArticleEditor editor;

    EditorFixture(Path temp, boolean reviewRequired) throws IOException {
        this(temp, reviewRequired, null);
    }

    /**
     * @param beforeOpen runs on the content folder before the editor opens it (e.g. {@code git init});
     *     with one, history is {@code git}, else {@code auto}
     */
    EditorFixture(Path temp, boolean reviewRequired, ContentSetup beforeOpen) throws IOException {
        // The git tests make the folder above the content folder the repository, as a help-center
        // repository with its articles in a subfolder would be.
        this(temp, reviewRequired, beforeOpen, beforeOpen != null ? EditorConfig.History.GIT : EditorConfig.History.AUTO);
    }

    EditorFixture(Path temp, boolean reviewRequired, ContentSetup beforeOpen, EditorConfig.History history)
            throws IOException {
        content = temp.resolve("content");
        data = temp.resolve("data");
        copy(Path.of("../content"), content);
        if (beforeOpen != null) {
            beforeOpen.run(content);
        }
        folder = new ContentFolder(content);
        editor = new ArticleEditor(new ArticleEditor.Setup(folder, parser, "ja", data, this::find,
                ImageUploads.NONE, reviewRequired, ArticleEditor.emailsAt(dev.kotae.config.EditorConfig.DEFAULT_AUTHOR_EMAIL_DOMAIN), clock, history));
    }

    interface ContentSetup {
        void run(Path content) throws IOException;
    }

    private Optional<Article> find(String id) throws IOException {
        if (pluginArticles.containsKey(id)) {
            return Optional.of(pluginArticles.get(id));
        }
        for (String path : folder.list(null)) {
            try {
                ContentFolder.FileContent file = folder.read(path);
                Article article = parser.parse(path, file.bytes(), file.modified());
                if (article.id().equals(id)) {
                    return Optional.of(article);
                }
            } catch (ContentException e) {
                // skipped, as the server skips it
            }
        }
        return Optional.empty();
    }

    String read(String relativePath) throws IOException {
        return Files.readString(content.resolve(relativePath));
    }

    static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : (Iterable<Path>) walk::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    @Override
    public void close() {
        editor.close();
    }
}
