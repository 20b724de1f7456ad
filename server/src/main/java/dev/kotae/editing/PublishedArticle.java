package dev.kotae.editing;

/**
 * A published article as its file says.
 *
 * @param version a digest of the file's bytes: changes whenever the file does, however it was changed
 *     (editor, API, an engineer's text editor, a {@code git pull})
 * @param path the file's path under the content folder, or {@code null} for a plugin source's article
 * @param readOnly why it cannot be edited here (it comes from a plugin source: where to change it), or
 *     {@code null} when it can
 */
public record PublishedArticle(EditableArticle article, String version, String path, String readOnly) {}
