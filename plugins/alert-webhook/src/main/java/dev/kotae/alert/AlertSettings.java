package dev.kotae.alert;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/**
 * The plugin's block in {@code kotae.yml}, bound strictly by the server
 * ({@link dev.kotae.plugin.PluginContext#settings(Class)}): unknown keys and wrong types fail at start, absent
 * keys are {@code null} and get the defaults here, and every check names its key.
 *
 * <pre>
 * plugins:
 *   alert-webhook:
 *     webhookUrl: https://hooks.slack.com/services/T000/B000/XXXX   # required
 *     dashboardUrl: https://help.example.com/analytics               # optional; the alert links here with ?q=term
 *     bucketSeconds: 60       # time is counted in buckets of this length
 *     windowBuckets: 10       # W: the recent window, in buckets (10 minutes)
 *     baselineWindows: 12     # B: how many windows before it form the baseline (2 hours)
 *     minCount: 20            # fewer searches in the window never alert
 *     sigmas: 3.0             # k: the window must reach mean + k * max(sd, 1)
 *     minRatio: 3.0           # and ratio * mean
 *     cooldownSeconds: 3600   # a term that alerted stays quiet this long
 *     maxAlertsPerHour: 20    # all terms together; protects the channel from a flood
 *     maxKeys: 10000          # terms tracked at once; the least recently searched are forgotten
 *     retries: 3              # further attempts after a failed post (1 s, 2 s, 4 s apart)
 *     timeoutSeconds: 10      # per attempt
 *     queueSize: 100          # alerts waiting to be posted; more are dropped and logged
 * </pre>
 */
public record AlertSettings(String webhookUrl, String dashboardUrl, Integer bucketSeconds, Integer windowBuckets,
        Integer baselineWindows, Integer minCount, Double sigmas, Double minRatio, Integer cooldownSeconds,
        Integer maxAlertsPerHour, Integer maxKeys, Integer retries, Integer timeoutSeconds, Integer queueSize) {

    /** Counters kept at most: 80 MB. The defaults need 1.3 million (5 MB). */
    static final long MAX_CELLS = 20_000_000;

    public AlertSettings {
        webhookUrl = requireHttpUrl("webhookUrl", webhookUrl, true);
        dashboardUrl = requireHttpUrl("dashboardUrl", dashboardUrl, false);
        bucketSeconds = between("bucketSeconds", bucketSeconds, 60, 1, 3600);
        windowBuckets = between("windowBuckets", windowBuckets, 10, 1, 1440);
        baselineWindows = between("baselineWindows", baselineWindows, 12, 2, 1000);
        if ((long) windowBuckets * (baselineWindows + 1) > 20_000) {
            throw new IllegalArgumentException("windowBuckets * (baselineWindows + 1) must be at most 20000 buckets, was "
                    + (long) windowBuckets * (baselineWindows + 1));
        }
        minCount = between("minCount", minCount, 20, 1, 1_000_000);
        sigmas = atLeast("sigmas", sigmas, 3.0, 0);
        minRatio = atLeast("minRatio", minRatio, 3.0, 1);
        cooldownSeconds = between("cooldownSeconds", cooldownSeconds, 3600, 0, 7 * 24 * 3600);
        maxAlertsPerHour = between("maxAlertsPerHour", maxAlertsPerHour, 20, 1, 10_000);
        maxKeys = between("maxKeys", maxKeys, 10_000, 10, 1_000_000);
        long cells = (long) windowBuckets * (baselineWindows + 1) * maxKeys;
        if (cells > MAX_CELLS) {
            throw new IllegalArgumentException("windowBuckets * (baselineWindows + 1) * maxKeys must be at most "
                    + MAX_CELLS + " counters (4 bytes each), was " + cells + ": lower maxKeys or use longer buckets");
        }
        retries = between("retries", retries, 3, 0, 10);
        timeoutSeconds = between("timeoutSeconds", timeoutSeconds, 10, 1, 300);
        queueSize = between("queueSize", queueSize, 100, 1, 10_000);
    }

    /** The detector's rule, with durations in time rather than buckets. */
    SpikeRule rule() {
        return new SpikeRule(Duration.ofSeconds(bucketSeconds), windowBuckets, baselineWindows, minCount, sigmas,
                minRatio, Duration.ofSeconds(cooldownSeconds), maxAlertsPerHour, maxKeys);
    }

    private static String requireHttpUrl(String key, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new IllegalArgumentException(key + " is required: the incoming-webhook URL to post alerts to");
            }
            return null;
        }
        String url = value.strip();
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                    || uri.getRawFragment() != null || url.length() > 2000) {
                throw new URISyntaxException(url, "not an absolute http(s) URL");
            }
        } catch (URISyntaxException e) {
            // Not the value itself: a webhook URL is a secret.
            throw new IllegalArgumentException(key + " must be an absolute http(s) URL with a host (and no #fragment)");
        }
        return url;
    }

    private static int between(String key, Integer value, int fallback, int min, int max) {
        int v = value == null ? fallback : value;
        if (v < min || v > max) {
            throw new IllegalArgumentException(key + " must be between " + min + " and " + max + ", was " + v);
        }
        return v;
    }

    private static double atLeast(String key, Double value, double fallback, double min) {
        double v = value == null ? fallback : value;
        if (!Double.isFinite(v) || v < min) {
            throw new IllegalArgumentException(key + " must be a number of at least " + min + ", was " + v);
        }
        return v;
    }
}
