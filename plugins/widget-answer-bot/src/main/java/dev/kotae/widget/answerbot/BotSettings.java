package dev.kotae.widget.answerbot;

import java.util.regex.Pattern;

/**
 * The plugin's block in {@code kotae.yml}:
 *
 * <pre>
 * plugins:
 *   widget-answer-bot:
 *     minScore: 10.0        # best hit's score needed to answer (see ConfidenceRule)
 *     minRatio: 1.25        # best / second score needed to answer, at least 1
 *     summaryLength: 160    # characters of the answer's summary, 40-1000
 *     contactUrl: https://shop.example.com/contact   # offered when the bot cannot help; default none
 * </pre>
 *
 * <p>The defaults were measured on the bundled sample help center (Japanese, Kuromoji analysis): clear
 * questions such as 「パスワードを忘れてしまいました」 (27.4, 2.4 times the runner-up) or
 * 「品切れの商品はいつ入荷しますか」 (32.5, 4.5 times) mostly score 15 to 35 and lead by 1.3 to 4 times,
 * while off-topic ones such as 「宇宙船の燃料はどこで買えますか」 (8.2) or 「恐竜の化石を探しています」 (2.9)
 * score under 10 or match several articles about equally. Questions two articles answer alike
 * (「後払いの請求書が届かない」: 29.2 vs 27.2) and very short ones (「退会したい」: 9.8) get a list instead,
 * which is the safe side. Scores reflect shared words, not meaning: an off-topic question phrased like a
 * FAQ (「明日の天気を教えてください」: 15.4 vs 7.0, on 「教えてください」) can still be answered. English
 * questions score lower (10 to 13), so an English-only help center may want a lower {@code minScore}.
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

    static final double DEFAULT_MIN_SCORE = 10.0;
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
