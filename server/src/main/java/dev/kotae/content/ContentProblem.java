package dev.kotae.content;

/**
 * A content file that could not be served, and why. Reported in admin status and the log; the file is
 * skipped and everything else keeps being served.
 *
 * @param path the file, relative to the content folder
 * @param message what is wrong, in words an author can act on
 */
public record ContentProblem(String path, String message) {}
