package dev.kotae.widget.answerbot;

import java.util.regex.Pattern;

/**
 * The plugin's block in {@code kotae.yml}:
 *
 * <pre>
 * plugins:
 *   widget-answer-bot:
 *     minScore: 4.0         # best hit's score needed to answer (see ConfidenceRule)
 *     minRatio: 1.25        # best / second score needed to answer, at least 1
 *     summaryLength: 160    # characters of the answer's summary, 40-1000
 *     contactUrl: https://shop.example.com/contact   # offered when the bot cannot help; default none
 * </pre>
 *
 * <p>The defaults were measured on the bundled sample help center with issue 5's ranking: clear
 * questions such as 「パスワードを忘れてしまいました」 (9.6, 2.1 times the runner-up), 「退会したい」 (5.7, 3.3
 * times) or "I want a refund" (5.7, 2.6 times) score 5.5 to 15 and lead by 1.8 to 5 times, while
 * off-topic ones such as 「宇宙船の燃料はどこで買えますか」 (2.1), 「明日の天気を教えてください」 (1.9, its
 * 「教えてください」 now counting little) or "What is the meaning of life" (2.6) score under 3. Questions
 * two articles answer alike (「後払いの請求書が届かない」: 13.7 vs 12.7; 「返品したい」: 5.7 vs 5.4) get a
 * list instead, which is the safe side. Scores reflect shared words, not meaning, and grow with the
 * help center's size, so tune {@code minScore} on your own content.
 * The server binds the block to this record ({@link dev.kotae.plugin.PluginContext#settings(Class)}),
 * refusing unknown keys and wrong types so that typos fail at start; absent keys arrive as {@code null}
 * and get the defaults here.
 *
 * @param minScore see {@link ConfidenceRule#minScore()}; at least 0
 * @param minRatio see {@link ConfidenceRule#minRatio()}; at least 1
 * @param summaryLength the longest summary, in characters, "…" included
 * @param contactUrl an absolute {@code http(s)} URL or a path starting with {@code /} (resolved against
 *     the help center), or {@code null}
 */
public record BotSettings(Double minScore, Double minRatio, Integer summaryLength, String contactUrl) {

    static final double DEFAULT_MIN_SCORE = 4.0;
    static final double DEFAULT_MIN_RATIO = 1.25;
    static final int DEFAULT_SUMMARY_LENGTH = 160;
    // No "//host" (protocol-relative) and no javascript: or data: URLs: the link is shown to customers.
    private static final Pattern SAFE_URL = Pattern.compile("(https?://[^\\s\"<>]+|/(?!/)[^\\s\"<>]*)");

    public BotSettings {
        minScore = minScore == null ? DEFAULT_MIN_SCORE : minScore;
        minRatio = minRatio == null ? DEFAULT_MIN_RATIO : minRatio;
        summaryLength = summaryLength == null ? DEFAULT_SUMMARY_LENGTH : summaryLength;
        if (!Double.isFinite(minScore) || minScore < 0) {
            throw new IllegalArgumentException("minScore must be a number of at least 0, was " + minScore);
        }
        if (!Double.isFinite(minRatio) || minRatio < 1) {
            throw new IllegalArgumentException("minRatio must be a number of at least 1, was " + minRatio);
        }
        if (summaryLength < 40 || summaryLength > 1000) {
            throw new IllegalArgumentException("summaryLength must be between 40 and 1000, was " + summaryLength);
        }
        if (contactUrl != null && (contactUrl.length() > 2000 || !SAFE_URL.matcher(contactUrl).matches())) {
            throw new IllegalArgumentException("contactUrl must be an http(s) URL or a path starting with /");
        }
    }

    /** The confidence rule these settings describe. */
    public ConfidenceRule rule() {
        return new ConfidenceRule(minScore, minRatio);
    }
}
