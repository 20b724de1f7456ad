package dev.kotae.editing;

import java.time.Instant;

/**
 * One write through the editor, as the audit log keeps it.
 *
 * @param action {@code save-draft}, {@code request-review}, {@code publish}, {@code schedule},
 *     {@code discard}, {@code publish-directly}, {@code delete}, {@code restore}, {@code upload}, or {@code history-failed} (the file
 *     was written but its history could not be: the message says why)
 * @param articleId the article's id, or {@code null} (an upload)
 * @param version the published version or draft revision written (an upload: its URL), or {@code null}
 * @param message the caller's message, or {@code null}
 */
public record AuditEntry(Instant time, String person, String role, String action, String articleId,
        String version, String message) {}
