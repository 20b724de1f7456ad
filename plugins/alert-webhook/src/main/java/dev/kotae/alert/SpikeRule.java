package dev.kotae.alert;

import java.time.Duration;

/**
 * When a term's searches count as a spike. Time is cut into buckets of {@code bucket}; the recent window is
 * the last {@code windowBuckets} buckets (the current one included), and the baseline is the
 * {@code baselineWindows} windows of the same length just before it. With {@code n} the recent window's
 * count and {@code μ}, {@code σ} the mean and (population) standard deviation of the baseline windows'
 * counts, a term spikes when
 *
 * <pre>
 * n ≥ minCount  and  n ≥ μ + sigmas · max(σ, 1)  and  n ≥ minRatio · μ
 * </pre>
 *
 * and it is not cooling down after an alert of its own. See the plugin README for why.
 */
record SpikeRule(Duration bucket, int windowBuckets, int baselineWindows, int minCount, double sigmas,
        double minRatio, Duration cooldown, int maxAlertsPerHour, int maxKeys) {

    /** Buckets each term keeps: the window and its baseline. */
    int span() {
        return windowBuckets * (baselineWindows + 1);
    }

    /** The recent window's length. */
    Duration window() {
        return bucket.multipliedBy(windowBuckets);
    }

    /** Whether a window count of {@code n} over a baseline of mean {@code mean} and deviation {@code sd} spikes. */
    boolean spikes(long n, double mean, double sd) {
        return n >= minCount && n >= mean + sigmas * Math.max(sd, 1.0) && n >= minRatio * mean;
    }
}
