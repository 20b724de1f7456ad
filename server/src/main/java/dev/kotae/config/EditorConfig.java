package dev.kotae.config;

import java.util.Locale;

/**
 * How articles are written in the browser and over the API.
 *
 * @param reviewRequired {@code true} ({@code review: required}, the default): an editor's draft is
 *     published by a second editor or an admin; {@code false} ({@code review: optional}): editors may
 *     also publish directly (the REST API's create and replace)
 * @param maxImageKilobytes the largest image an editor may upload
 * @param authorEmailDomain git commits are authored {@code <name>@<domain>}
 */
public record EditorConfig(boolean reviewRequired, int maxImageKilobytes, String authorEmailDomain) {

    public static final int DEFAULT_MAX_IMAGE_KILOBYTES = 5120;
    public static final String DEFAULT_AUTHOR_EMAIL_DOMAIN = "users.noreply.kotae";

    public EditorConfig {
        if (maxImageKilobytes < 1 || maxImageKilobytes > 100 * 1024) {
            throw new IllegalArgumentException("editor.maxImageKilobytes must be 1-102400");
        }
        if (authorEmailDomain == null || !authorEmailDomain.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new IllegalArgumentException("editor.authorEmailDomain must be a domain name like example.com (got '"
                    + authorEmailDomain + "')");
        }
    }

    public static EditorConfig defaults() {
        return new EditorConfig(true, DEFAULT_MAX_IMAGE_KILOBYTES, DEFAULT_AUTHOR_EMAIL_DOMAIN);
    }

    /** Reads {@code required} or {@code optional}. */
    public static boolean parseReview(String value) {
        String review = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return switch (review) {
            case "required" -> true;
            case "optional" -> false;
            default -> throw new IllegalArgumentException("editor.review must be required or optional (got '" + value + "')");
        };
    }

    public EditorConfig withReviewRequired(boolean value) {
        return new EditorConfig(value, maxImageKilobytes, authorEmailDomain);
    }

    public EditorConfig withMaxImageKilobytes(int value) {
        return new EditorConfig(reviewRequired, value, authorEmailDomain);
    }

    public EditorConfig withAuthorEmailDomain(String value) {
        return new EditorConfig(reviewRequired, maxImageKilobytes, value);
    }

    /** The image limit in bytes. */
    public long maxImageBytes() {
        return maxImageKilobytes * 1024L;
    }
}
