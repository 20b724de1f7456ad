package dev.kotae.widget.answerbot;

/**
 * Cuts an article's plain text to a short summary for the chat bubble. A cut falls after the last
 * complete sentence that fits, else at the last word boundary, and only as a last resort mid-word, so
 * the customer never reads half a number or half a word as if it were the answer.
 */
final class Summaries {

    static final String ELLIPSIS = "…";

    private Summaries() {}

    /**
     * The text with runs of white space folded to one space, cut to at most {@code maxLength} characters
     * (code points) including a trailing "…" when anything was cut.
     */
    static String cut(String text, int maxLength) {
        if (maxLength < 2) {
            throw new IllegalArgumentException("maxLength must be at least 2");
        }
        String flat = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        int[] cps = flat.codePoints().toArray();
        if (cps.length <= maxLength) {
            return flat;
        }
        int budget = maxLength - 1; // room for the ellipsis
        int end = sentenceEnd(cps, budget);
        if (end < 0) {
            end = wordEnd(cps, budget);
        }
        if (end < 0) {
            end = budget;
        }
        return new String(cps, 0, end).strip() + ELLIPSIS;
    }

    /**
     * The end (exclusive) of the last sentence that fits in {@code budget}, or -1 when that would keep
     * less than half the budget: a one-line summary of a long article says too little.
     */
    private static int sentenceEnd(int[] cps, int budget) {
        for (int i = budget - 1; i >= budget / 2; i--) {
            int c = cps[i];
            boolean cjkEnd = c == '。' || c == '！' || c == '？';
            // '.', '!' and '?' end a sentence only before a space: "1.5" and "example.com" go on.
            boolean latinEnd = (c == '.' || c == '!' || c == '?') && i + 1 < cps.length && cps[i + 1] == ' ';
            if (cjkEnd || latinEnd) {
                return i + 1;
            }
        }
        return -1;
    }

    /**
     * The last word boundary within {@code budget}: before a space or a Japanese comma (Japanese has no
     * spaces between words, but 、 separates phrases), or -1 when that would keep less than half.
     */
    private static int wordEnd(int[] cps, int budget) {
        for (int i = budget; i >= budget / 2; i--) {
            int c = cps[i];
            if (c == ' ' || c == '、' || c == '，' || c == ',') {
                return i;
            }
        }
        return -1;
    }
}
