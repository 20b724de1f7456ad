package dev.kotae.editing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.EditList;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;

/** Unified diffs of whole article files, made with JGit's histogram diff (the one diff used everywhere). */
final class UnifiedDiff {

    private UnifiedDiff() {}

    /**
     * The diff from {@code from} to {@code to} with three lines of context, headed {@code --- fromName} and
     * {@code +++ toName}; empty when the two are equal.
     */
    static String of(String fromName, byte[] from, String toName, byte[] to) {
        RawText a = new RawText(from == null ? new byte[0] : from);
        RawText b = new RawText(to == null ? new byte[0] : to);
        EditList edits = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.HISTOGRAM)
                .diff(RawTextComparator.DEFAULT, a, b);
        if (edits.isEmpty()) {
            return "";
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (DiffFormatter formatter = new DiffFormatter(out)) {
            out.writeBytes(("--- " + fromName + "\n+++ " + toName + "\n").getBytes(StandardCharsets.UTF_8));
            formatter.format(edits, a, b);
            formatter.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
