package dev.kotae.content;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

/**
 * The help center's folder of Markdown files: which files are articles, and their change stamps.
 * Hidden files and folders (editor swap files, {@code .git}) and non-{@code .md} files are not articles.
 */
public final class ContentFolder {

    /** Files larger than this are reported instead of read: an article is not a data dump. */
    public static final long MAX_FILE_BYTES = 2L * 1024 * 1024;

    private final Path root;

    /**
     * @param root the content folder. When it is a symbolic link (a deployment's "current" release), the
     *     folder it leads to at construction is the one served and watched; links inside it are not followed.
     */
    public ContentFolder(Path root) {
        Path given = root.toAbsolutePath().normalize();
        Path real;
        try {
            real = given.toRealPath();
        } catch (IOException e) {
            real = given; // not there yet: requirePresent says so where it matters
        }
        this.root = real;
    }

    public Path root() {
        return root;
    }

    /**
     * What a walk of the folder found: the article files, and what it passed over that an author would
     * expect to be served (a symbolic link, a folder the server cannot read), each with why.
     */
    public record Listing(List<String> files, List<ContentProblem> passedOver) {}

    /** All article files under {@code dir} (the root if {@code null}), as relative paths with {@code /}. */
    public List<String> list(String dir) {
        return walk(dir).files();
    }

    /**
     * Walks {@code dir} (the root if {@code null}): its article files in path order, and what was passed over.
     * Symbolic links are never followed (a link could serve a file from anywhere on the machine, and
     * editing through one would write there); a link named like an article, or to a folder, is reported.
     */
    public Listing walk(String dir) {
        Path start = dir == null ? root : resolve(dir);
        List<String> files = new ArrayList<>();
        List<ContentProblem> passedOver = new ArrayList<>();
        if (!Files.isDirectory(start, LinkOption.NOFOLLOW_LINKS)) {
            return new Listing(files, passedOver);
        }
        try {
            Files.walkFileTree(start, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path d, BasicFileAttributes attrs) {
                    return !d.equals(start) && isHidden(d) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (attrs.isRegularFile() && isArticleFile(file)) {
                        files.add(relative(file));
                    } else if (attrs.isSymbolicLink()) {
                        String why = linkProblem(file);
                        if (why != null) {
                            passedOver.add(new ContentProblem(relative(file), why));
                        }
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    // Deleted while walking is not an article now; a hidden one is not looked at anyway.
                    if (!(e instanceof NoSuchFileException) && (file.equals(start) || !isHidden(file))) {
                        passedOver.add(new ContentProblem(relative(file),
                                "cannot be read (" + reason(e) + "): the server's user needs read access; the articles"
                                        + " in it are not served until then"));
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.sort(null);
        passedOver.sort(java.util.Comparator.comparing(ContentProblem::path));
        return new Listing(files, passedOver);
    }

    /**
     * Why the symbolic link at {@code relativePath} is passed over, or {@code null} when it is not a link an
     * author would expect to be served (not a link, hidden, or a link to a file that is not an article).
     */
    public String linkProblem(String relativePath) {
        Path file = resolve(relativePath);
        return Files.isSymbolicLink(file) ? linkProblem(file) : null;
    }

    private static String linkProblem(Path link) {
        if (isHidden(link)) {
            return null;
        }
        if (Files.isDirectory(link)) {
            return "a symbolic link to a folder is not followed: the articles in it are not served; move the folder"
                    + " itself into the content folder";
        }
        return isArticleFile(link) ? "a symbolic link is not followed: move or copy the article itself into the content"
                + " folder" : null;
    }

    private static String reason(IOException e) {
        return e instanceof AccessDeniedException ? "permission denied" : e.getClass().getSimpleName();
    }

    /** Whether a path (relative) names something that could be an article file. */
    public static boolean isArticleFile(Path file) {
        String name = file.getFileName().toString();
        return name.endsWith(".md") && !name.startsWith(".");
    }

    private static boolean isHidden(Path path) {
        return path.getFileName() != null && path.getFileName().toString().startsWith(".");
    }

    /**
     * Which rules a file was read by, part of every stamp: when they change (stop 46: keys given twice, ids
     * of dots and control characters refused), every file is read again once, so one indexed before is not
     * served on by rules it no longer meets (r3, stop 48: bounds on questions, tags and category; a title with
     * something visible in it).
     */
    public static final String READ_RULES = "r3";

    /**
     * The file's change stamp (the rules it is read by, its size and modification time), or {@code null} if
     * it is gone or is not a regular file.
     */
    public String stamp(String relativePath) {
        try {
            BasicFileAttributes attrs = Files.readAttributes(resolve(relativePath), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile()) {
                return null;
            }
            return READ_RULES + ":" + attrs.size() + ":" + attrs.lastModifiedTime().toMillis();
        } catch (IOException e) {
            return null; // gone (or unreadable) now: not an article
        }
    }

    /** The file size a {@link #stamp} records. */
    public static long sizeIn(String stamp) {
        int end = stamp.lastIndexOf(':');
        return Long.parseLong(stamp, stamp.lastIndexOf(':', end - 1) + 1, end, 10);
    }

    /**
     * Fails unless the folder itself is there and can be listed: a missing or unreadable folder is not one
     * without articles.
     */
    public void requirePresent() throws ContentFolderMissingException {
        if (!Files.isDirectory(root)) {
            throw new ContentFolderMissingException(root);
        }
        try (java.nio.file.DirectoryStream<Path> listed = Files.newDirectoryStream(root)) {
            // Only that it can be listed: a folder that cannot be read would look empty and empty the index.
        } catch (IOException e) {
            throw new ContentFolderMissingException(root, reason(e));
        }
    }

    public boolean isDirectory(String relativePath) {
        return Files.isDirectory(resolve(relativePath), LinkOption.NOFOLLOW_LINKS);
    }

    /** A file's bytes and its last-modified date (the fallback for a missing {@code updated:}). */
    public record FileContent(byte[] bytes, LocalDate modified) {}

    /** Reads a file, refusing oversized ones; one metadata read serves the size check and the date. */
    public FileContent read(String relativePath) throws IOException, ContentException {
        Path file = resolve(relativePath);
        BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
        if (attrs.size() > MAX_FILE_BYTES) {
            throw new ContentException("file is " + attrs.size() / 1024 + " KiB; articles are limited to "
                    + MAX_FILE_BYTES / 1024 + " KiB");
        }
        LocalDate modified = LocalDate.ofInstant(attrs.lastModifiedTime().toInstant(), ZoneId.systemDefault());
        return new FileContent(Files.readAllBytes(file), modified);
    }

    /** {@code file} relative to the folder, with {@code /}; the folder itself is {@code "."}. */
    public String relative(Path file) {
        Path normal = file.toAbsolutePath().normalize();
        return normal.equals(root) ? "." : root.relativize(normal).toString().replace('\\', '/');
    }

    public Path resolve(String relativePath) {
        Path resolved = root.resolve(relativePath).normalize();
        if (!resolved.startsWith(root)) {
            throw new IllegalArgumentException("path escapes the content folder: " + relativePath);
        }
        return resolved;
    }
}
