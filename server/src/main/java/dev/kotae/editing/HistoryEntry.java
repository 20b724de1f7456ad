package dev.kotae.editing;

import java.time.Instant;

/**
 * One published version of an article, newest first in a history.
 *
 * @param version the commit id with git, else the id of the copy kept under the data folder
 * @param action {@code publish}, {@code delete} or {@code restore}, or {@code change} for a commit made
 *     outside Kotae
 */
public record HistoryEntry(String version, Instant when, String author, String message, String action) {}
