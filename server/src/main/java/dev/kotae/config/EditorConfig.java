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
 * @param history where published versions are kept
 */
public record EditorConfig(boolean reviewRequired, int maxImageKilobytes, String authorEmailDomain, History history) {

    /** Where published versions are kept: {@code editor.history}. */
    public enum History {
        /**
         * Git when the content folder is itself a git work tree (it holds {@code .git}), else the data folder.
         * A content folder that merely lies somewhere inside a repository (the sample {@code content/} in
         * Kotae's own checkout) is not committed to unless asked for with {@link #GIT}.
         */
        AUTO,
        /** Git, in the work tree the content folder is in, however far up its top is. */
        GIT,
        /** Copies under the data folder ({@code data/history/}), even in a git work tree. */
        FOLDER;

        /** Reads {@code auto}, {@code git} or {@code folder}. */
        public static History parse(String value) {
            String name = value == null ? "" : value.strip().toUpperCase(Locale.ROOT);
            for (History history : values()) {
                if (history.name().equals(name)) {
                    return history;
                }
            }
            throw new IllegalArgumentException("editor.history must be auto, git or folder (got '" + value + "')");
        }
    }

    public static final int DEFAULT_MAX_IMAGE_KILOBYTES = 5120;
    public static final String DEFAULT_AUTHOR_EMAIL_DOMAIN = "users.noreply.kotae";

    public EditorConfig {
        if (history == null) {
            history = History.AUTO;
        }
        if (maxImageKilobytes < 1 || maxImageKilobytes > 100 * 1024) {
            throw new IllegalArgumentException("editor.maxImageKilobytes must be 1-102400");
        }
        if (authorEmailDomain == null || !authorEmailDomain.matches("[A-Za-z0-9.-]{1,253}")) {
            throw new IllegalArgumentException("editor.authorEmailDomain must be a domain name like example.com (got '"
                    + authorEmailDomain + "')");
        }
    }

    public static EditorConfig defaults() {
        return new EditorConfig(true, DEFAULT_MAX_IMAGE_KILOBYTES, DEFAULT_AUTHOR_EMAIL_DOMAIN, History.AUTO);
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
        return new EditorConfig(value, maxImageKilobytes, authorEmailDomain, history);
    }

    public EditorConfig withMaxImageKilobytes(int value) {
        return new EditorConfig(reviewRequired, value, authorEmailDomain, history);
    }

    public EditorConfig withAuthorEmailDomain(String value) {
        return new EditorConfig(reviewRequired, maxImageKilobytes, value, history);
    }

    public EditorConfig withHistory(History value) {
        return new EditorConfig(reviewRequired, maxImageKilobytes, authorEmailDomain, value);
    }

    /** The image limit in bytes. */
    public long maxImageBytes() {
        return maxImageKilobytes * 1024L;
    }
}
