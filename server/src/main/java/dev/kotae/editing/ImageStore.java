package dev.kotae.editing;

import dev.kotae.auth.Caller;
import dev.kotae.content.MediaLinks;
import dev.kotae.util.AtomicFiles;
import dev.kotae.util.Texts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Uploaded images, kept in the content folder beside the articles that show them:
 * {@code media/<yyyy>/<slug>-<first 10 hex of sha256>.<ext>}. Only PNG, JPEG, GIF and WebP are taken,
 * judged by the file's first bytes (never by the client's name or Content-Type): SVG and HTML can carry
 * script, and anything else has no place in an article. The name is content-addressed, so the same bytes
 * under the same name are one file, and a served file never changes (it may be cached for long).
 * Thread-safe.
 */
public final class ImageStore implements ImageUploads {

    /** The folder under the content folder that holds the images. */
    public static final String FOLDER = "media";
    /** Every name this store produces, relative to {@link #FOLDER} ({@link MediaLinks#NAME}). Nothing else is served. */
    public static final Pattern STORED_NAME = MediaLinks.NAME;
    private static final int MAX_SLUG = 60;
    private static final String FALLBACK_SLUG = "image";
    private static final int MAX_ALT = 100;

    /** An accepted image type: its extension, media type and how its bytes start. */
    public enum ImageType {
        PNG("png", "image/png"),
        JPEG("jpg", "image/jpeg"),
        GIF("gif", "image/gif"),
        WEBP("webp", "image/webp");

        private final String extension;
        private final String mediaType;

        ImageType(String extension, String mediaType) {
            this.extension = extension;
            this.mediaType = mediaType;
        }

        public String extension() {
            return extension;
        }

        public String mediaType() {
            return mediaType;
        }

        /** The type of a stored file, from the extension {@link #STORED_NAME} allows. */
        public static ImageType ofExtension(String extension) {
            return Arrays.stream(values()).filter(t -> t.extension.equals(extension)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("not an image extension: " + extension));
        }

        /** The type the bytes' signature says, if it is one of the four. */
        static Optional<ImageType> sniff(byte[] bytes) {
            if (startsWith(bytes, 0, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
                return Optional.of(PNG);
            }
            if (startsWith(bytes, 0, 0xFF, 0xD8, 0xFF)) {
                return Optional.of(JPEG);
            }
            if (startsWith(bytes, 0, 'G', 'I', 'F', '8', '7', 'a') || startsWith(bytes, 0, 'G', 'I', 'F', '8', '9', 'a')) {
                return Optional.of(GIF);
            }
            if (startsWith(bytes, 0, 'R', 'I', 'F', 'F') && startsWith(bytes, 8, 'W', 'E', 'B', 'P')) {
                return Optional.of(WEBP);
            }
            return Optional.empty();
        }

        private static boolean startsWith(byte[] bytes, int offset, int... signature) {
            if (bytes.length < offset + signature.length) {
                return false;
            }
            for (int i = 0; i < signature.length; i++) {
                if ((bytes[offset + i] & 0xFF) != signature[i]) {
                    return false;
                }
            }
            return true;
        }
    }

    private final Path media;
    private final long maxBytes;
    private final Clock clock;

    /**
     * @param contentRoot the content folder; images go to its {@link #FOLDER} subfolder
     * @param maxBytes the largest image accepted
     */
    public ImageStore(Path contentRoot, long maxBytes, Clock clock) {
        this.media = contentRoot.toAbsolutePath().normalize().resolve(FOLDER);
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    /** The largest image accepted, in bytes. */
    public long maxBytes() {
        return maxBytes;
    }

    /**
     * {@inheritDoc}
     *
     * <p>Who may upload is the editor service's decision; this checks only what is uploaded.
     */
    @Override
    public EditorService.StoredImage store(Caller caller, String fileName, byte[] bytes) throws EditRejectedException {
        if (bytes == null || bytes.length == 0) {
            throw new EditRejectedException("file", "the image is empty", 400);
        }
        if (bytes.length > maxBytes) {
            throw new EditRejectedException("file", "the image is larger than " + maxBytes / 1024 + " KiB", 413);
        }
        ImageType type = ImageType.sniff(bytes).orElseThrow(() -> new EditRejectedException("file",
                "only PNG, JPEG, GIF and WebP images are accepted (judged by the file's content)", 415));
        String slug = slug(fileName);
        String year = String.format(Locale.ROOT, "%04d", clock.instant().atZone(ZoneOffset.UTC).getYear());
        String name = year + "/" + slug + "-" + Versions.sha256(bytes).substring(0, 10) + "." + type.extension();
        try {
            write(media.resolve(name), bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the image " + name, e);
        }
        String url = "/" + FOLDER + "/" + name;
        return new EditorService.StoredImage(url, "![" + altText(fileName, slug) + "](" + url + ")");
    }

    /**
     * The image's description in the Markdown, from the client's file name as its author wrote it
     * (「スクリーンショット 2026-12-01」, not the ASCII slug the stored name takes): the last path segment
     * without its extension, cut at a NUL, control characters as spaces, at most {@value #MAX_ALT} characters,
     * with the characters that would end a Markdown image's text escaped; {@code slug} when nothing is left.
     */
    static String altText(String fileName, String slug) {
        String name = baseName(fileName);
        String plain = Texts.firstCodePoints(Texts.controlsAsSpaces(name), MAX_ALT).strip().replaceAll("\\s+", " ");
        return plain.isEmpty() ? slug : plain.replaceAll("([\\\\\\[\\]])", "\\\\$1");
    }

    /**
     * The file of a stored image, if {@code name} (relative to {@link #FOLDER}, as in its URL) is one this
     * store produces and is a regular file directly there: never a link, never outside the folder.
     */
    public Optional<Stored> find(String name) {
        return findInMedia(media, name);
    }

    /** {@link #find(String)} in the store of the content folder {@code contentRoot}. */
    static Optional<Stored> findIn(Path contentRoot, String name) {
        return findInMedia(contentRoot.toAbsolutePath().normalize().resolve(FOLDER), name);
    }

    private static Optional<Stored> findInMedia(Path media, String name) {
        if (name == null) {
            return Optional.empty();
        }
        Matcher parts = STORED_NAME.matcher(name);
        if (!parts.matches()) {
            return Optional.empty();
        }
        Path file = media.resolve(parts.group(1)).resolve(name.substring(name.indexOf('/') + 1));
        if (!file.normalize().startsWith(media) || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
                || Files.isSymbolicLink(file.getParent()) || Files.isSymbolicLink(media)) {
            return Optional.empty();
        }
        return Optional.of(new Stored(file, ImageType.ofExtension(parts.group(4))));
    }

    /** A stored image's file and type. */
    public record Stored(Path file, ImageType type) {}

    /**
     * A readable name from the client's file name: its last path segment (after {@code /} or
     * {@code \}), without its extension, accents and other non-ASCII letters, cut at a NUL, reduced to
     * lower-case ASCII letters, digits and single hyphens. Never empty, never a path.
     */
    static String slug(String fileName) {
        String slug = Versions.slug(baseName(fileName), MAX_SLUG);
        return slug.isEmpty() ? FALLBACK_SLUG : slug;
    }

    /** The client's file name cut at a NUL, without its folders and its extension. */
    private static String baseName(String fileName) {
        String name = fileName == null ? "" : fileName;
        int nul = name.indexOf('\0');
        if (nul >= 0) {
            name = name.substring(0, nul);
        }
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    /**
     * Writes {@code bytes} to {@code target} all at once, so a reader never sees half an image; created as
     * any new file in the folder is, so the image is served and backed up as the articles are. The name is
     * content-addressed: a file already there has these bytes, and is left as it is (the same upload at the
     * same moment renames the same bytes over it).
     */
    private static void write(Path target, byte[] bytes) throws IOException {
        if (Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        AtomicFiles.write(target, bytes);
    }
}
