package dev.kotae.config;

/**
 * How articles are written in the browser and over the API: {@code editor:} in {@code kotae.yml}.
 *
 * @param maxImageKilobytes the largest image upload accepted ({@code POST /api/v1/media}); a larger one is
 *     answered 413 before more than this is read
 */
public record EditorConfig(int maxImageKilobytes) {

    public static final int DEFAULT_MAX_IMAGE_KILOBYTES = 5 * 1024;
    /** Catches a value meant in bytes: an image for a help article is never near 64 MiB. */
    public static final int MAX_IMAGE_KILOBYTES = 64 * 1024;

    public EditorConfig {
        if (maxImageKilobytes < 1 || maxImageKilobytes > MAX_IMAGE_KILOBYTES) {
            throw new IllegalArgumentException("editor.maxImageKilobytes must be 1-" + MAX_IMAGE_KILOBYTES);
        }
    }

    public static EditorConfig defaults() {
        return new EditorConfig(DEFAULT_MAX_IMAGE_KILOBYTES);
    }

    public EditorConfig withMaxImageKilobytes(int value) {
        return new EditorConfig(value);
    }

    /** The image limit in bytes. */
    public long maxImageBytes() {
        return maxImageKilobytes * 1024L;
    }
}
