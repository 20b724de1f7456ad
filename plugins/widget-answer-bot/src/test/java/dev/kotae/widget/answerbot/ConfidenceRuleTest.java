package dev.kotae.widget.answerbot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.plugin.HelpCenter.Hit;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfidenceRuleTest {

    private final ConfidenceRule defaults = new BotSettings(null, null, null, null).rule();

    @Test
    void noHitsIsNoAnswer() {
        assertFalse(defaults.confident(List.of()));
    }

    @Test
    void bestHitMustReachMinScore() {
        assertFalse(defaults.confident(hits(3.99)));
        assertTrue(defaults.confident(hits(4.0)));
    }

    @Test
    void aSingleHitNeedsNoRatio() {
        assertTrue(new ConfidenceRule(3, 100).confident(hits(3.0)));
    }

    @Test
    void bestHitMustBeatTheRunnerUpByMinRatio() {
        assertTrue(defaults.confident(hits(25, 20)));        // exactly 1.25
        assertFalse(defaults.confident(hits(25, 20.01)));
        assertFalse(defaults.confident(hits(29.2, 27.2, 14.3)));
        assertTrue(defaults.confident(hits(27.4, 11.3, 7.8, 7.1)));
    }

    @Test
    void onlyTheRunnerUpCountsNotTheRest() {
        assertTrue(defaults.confident(hits(30, 10, 9.9, 9.8)));
    }

    @Test
    void aZeroRunnerUpLosesOutright() {
        assertTrue(defaults.confident(hits(12, 0)));
    }

    /** Measured on the sample help center: off-topic questions that still match a few generic words. */
    @Test
    void sampleGibberishIsNotAnswered() {
        assertFalse(defaults.confident(hits(2.1, 1.4, 0.5)));   // 宇宙船の燃料はどこで買えますか
        assertFalse(defaults.confident(hits(3.7, 3.0, 2.9)));   // 宇宙船の燃料を注文したいのですが、どうすればいいですか
        assertFalse(defaults.confident(hits(1.9, 1.2, 0.5)));   // 明日の天気を教えてください
        assertFalse(defaults.confident(hits(2.6, 0.3, 0.3)));   // What is the meaning of life
    }

    /** Measured on the sample help center: clear questions, each with one right article. */
    @Test
    void sampleClearQuestionsAreAnswered() {
        assertTrue(defaults.confident(hits(9.6, 4.5, 3.6)));    // パスワードを忘れてしまいました
        assertTrue(defaults.confident(hits(5.7, 1.7, 0.1)));    // 退会したい
        assertTrue(defaults.confident(hits(5.7, 2.2, 1.6)));    // I want a refund
    }

    private static List<Hit> hits(double... scores) {
        List<Hit> hits = new ArrayList<>();
        for (int i = 0; i < scores.length; i++) {
            hits.add(new Hit("a" + i, "A" + i, "/articles/a" + i, "", null, "ja", scores[i]));
        }
        return hits;
    }
}
