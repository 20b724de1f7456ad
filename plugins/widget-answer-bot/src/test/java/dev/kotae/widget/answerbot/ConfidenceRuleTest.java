package dev.kotae.widget.answerbot;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
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
        assertFalse(defaults.confident(scores(3.99)));
        assertTrue(defaults.confident(scores(4.0)));
    }

    @Test
    void aSingleHitNeedsNoRatio() {
        assertTrue(new ConfidenceRule(3, 100).confident(scores(3.0)));
    }

    @Test
    void bestHitMustBeatTheRunnerUpByMinRatio() {
        assertTrue(defaults.confident(scores(25, 20)));        // exactly 1.25
        assertFalse(defaults.confident(scores(25, 20.01)));
        assertFalse(defaults.confident(scores(29.2, 27.2, 14.3)));
        assertTrue(defaults.confident(scores(27.4, 11.3, 7.8, 7.1)));
    }

    @Test
    void onlyTheRunnerUpCountsNotTheRest() {
        assertTrue(defaults.confident(scores(30, 10, 9.9, 9.8)));
    }

    @Test
    void aZeroRunnerUpLosesOutright() {
        assertTrue(defaults.confident(scores(12, 0)));
    }

    /** Measured on the sample help center: off-topic questions that still match a few generic words. */
    @Test
    void sampleGibberishIsNotAnswered() {
        assertFalse(defaults.confident(scores(2.1, 1.4, 0.5)));   // 宇宙船の燃料はどこで買えますか
        assertFalse(defaults.confident(scores(3.7, 3.0, 2.9)));   // 宇宙船の燃料を注文したいのですが、どうすればいいですか
        assertFalse(defaults.confident(scores(1.9, 1.2, 0.5)));   // 明日の天気を教えてください
        assertFalse(defaults.confident(scores(2.6, 0.3, 0.3)));   // What is the meaning of life
    }

    /** Measured on the sample help center: clear questions, each with one right article. */
    @Test
    void sampleClearQuestionsAreAnswered() {
        assertTrue(defaults.confident(scores(9.6, 4.5, 3.6)));    // パスワードを忘れてしまいました
        assertTrue(defaults.confident(scores(5.7, 1.7, 0.1)));    // 退会したい
        assertTrue(defaults.confident(scores(5.7, 2.2, 1.6)));    // I want a refund
    }

    /** Candidates' scores, best first. */
    private static List<Double> scores(double... scores) {
        return Arrays.stream(scores).boxed().toList();
    }
}
