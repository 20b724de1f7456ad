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
 * <p>The defaults were measured on the bundled sample help center as {@code examples/kotae-plugins.yml}
 * configures it (with the spreadsheet and Zendesk samples), over the question set of
 * {@code AnswerBotMeasurementIT}: they answer 87% of the questions it can answer (none wrongly) and decline
 * 92% of those it cannot. Clear questions score 4.2 to 17 and lead the next different answer by 1.3 to 5
 * times; off-topic ones mostly score under 3, and the few that share a strong word with an article
 * (「期限」 of ポイントの有効期限, "store") reach 4 to 6. A lower {@code minScore} answers those, a lower {@code minRatio}
 * answers near ties wrongly as often as rightly (see the plugin's README). Scores reflect shared words,
 * not meaning, and grow with the help center's size, so tune on your own content.
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
