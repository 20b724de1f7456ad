package dev.kotae.search;

import dev.kotae.util.Texts;

/**
 * A validated search request.
 *
 * @param query the user's words, possibly blank (then all visible articles are listed, newest first); control
 *     characters in them are read as spaces ({@link Texts#controlsAsSpaces}), here, so every channel (the API,
 *     the search page, widgets) searches, echoes and records the same words
 * @param locale restrict to one locale, or {@code null}
 * @param type restrict to {@code faq} or {@code playbook}, or {@code null}
 * @param category restrict to one category, or {@code null}
 * @param tag restrict to one tag, or {@code null}
 * @param page 1-based page number
 * @param size hits per page
 */
public record SearchRequest(String query, String locale, String type, String category, String tag, int page, int size,
        Audience audience) {

    public static final int MAX_SIZE = 100;
    public static final int MAX_QUERY_LENGTH = 1000;
    /** Deep paging is not a help-center use; it bounds the work one request can ask for. */
    public static final int MAX_WINDOW = 10_000;

    public SearchRequest {
        query = Texts.controlsAsSpaces(query);
    }
}
