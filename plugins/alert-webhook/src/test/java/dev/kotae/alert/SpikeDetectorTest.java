package dev.kotae.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.alert.SpikeDetector.Alert;
import dev.kotae.alert.SpikeDetector.QueryCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The rule over synthetic traffic. Time is the events' own, so these tests stamp searches on a fake
 * timeline; nothing waits. Defaults: 1-minute buckets, a 10-minute window, a 2-hour baseline, at least 20
 * searches, mean + 3 σ, 3 times the mean, one hour of cooldown; quiet for the first 130 minutes.
 */
class SpikeDetectorTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    private static final Duration MINUTE = Duration.ofMinutes(1);

    /** Searches on a timeline, fed to a detector in time order. */
    private static final class Traffic {
        private record Search(Instant at, String query) {}

        private final List<Search> searches = new ArrayList<>();

        /** {@code perMinute} searches a minute, evenly spread, from {@code from} for {@code length}. */
        Traffic steady(String query, Duration from, Duration length, double perMinute) {
            long total = Math.round(perMinute * length.toSeconds() / 60.0);
            for (long i = 0; i < total; i++) {
                searches.add(new Search(T0.plus(from).plusMillis(i * length.toMillis() / total), query));
            }
            return this;
        }

        /** Poisson traffic: each minute, a Poisson-distributed number of searches at random seconds. */
        Traffic poisson(Random random, String query, Duration from, Duration length, double perMinute) {
            for (long minute = 0; minute < length.toMinutes(); minute++) {
                int n = poissonSample(random, perMinute);
                for (int i = 0; i < n; i++) {
                    searches.add(new Search(T0.plus(from).plus(MINUTE.multipliedBy(minute))
                            .plusMillis(random.nextInt(60_000)), query));
                }
            }
            return this;
        }

        List<Alert> feed(SpikeDetector detector) {
            List<Alert> alerts = new ArrayList<>();
            searches.stream().sorted(Comparator.comparing(Search::at))
                    .forEach(s -> detector.observe(s.at(), s.query()).ifPresent(alerts::add));
            return alerts;
        }
    }

    private static int poissonSample(Random random, double lambda) {
        double limit = Math.exp(-lambda);
        double product = random.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= random.nextDouble();
        }
        return n;
    }

    private static SpikeDetector detector(Object... settings) {
        return new SpikeDetector(Fixtures.settings(settings).rule(), T0);
    }

    private static Duration minutes(long m) {
        return Duration.ofMinutes(m);
    }

    @Test
    void firesOnceForASpike() {
        List<Alert> alerts = new Traffic()
                .steady("配送 日数", minutes(0), minutes(240), 2)
                .steady("ログイン", minutes(0), minutes(240), 0.5)          // 5 a window: the term's baseline
                .steady("ログイン", minutes(180), minutes(30), 6)           // then 60 a window, for half an hour
                .steady("ログイン できない", minutes(185), minutes(10), 1)
                .feed(detector());

        assertEquals(1, alerts.size(), alerts.toString());
        Alert alert = alerts.get(0);
        assertEquals("ログイン", alert.term());
        assertTrue(alert.at().isAfter(T0.plus(minutes(180))) && alert.at().isBefore(T0.plus(minutes(185))), alert.toString());
        assertEquals(20, alert.count(), "fires on the search that reaches minCount (the highest threshold here)");
        assertEquals(5.0, alert.mean(), 0.5);
        assertTrue(alert.sd() < 1, alert.toString());
        assertEquals(4.0, alert.ratio(), 0.5);
        assertEquals(Duration.ofMinutes(10), alert.window());
        assertEquals("ログイン", alert.topQueries().get(0).query());
        assertEquals(List.of(), alert.alsoRising());
    }

    @Test
    void staysQuietUntilItHasWatchedAFullBaseline() {
        // A term popular from the start has no baseline yet: it is not a spike, it is a restart.
        Traffic traffic = new Traffic().steady("配送", minutes(0), minutes(300), 5);
        assertEquals(List.of(), traffic.feed(detector()));
        // A real spike during the warm-up is missed too; that is the price (see the README).
        assertEquals(List.of(), new Traffic().steady("新機能", minutes(60), minutes(10), 10).feed(detector()));
        List<Alert> late = new Traffic().steady("新機能", minutes(131), minutes(10), 10).feed(detector());
        assertEquals(1, late.size(), late.toString());
    }

    @Test
    void doesNotFireForSteadyOrNoisyTraffic() {
        Random random = new Random(20261127);
        Traffic traffic = new Traffic()
                .steady("配送", minutes(0), Duration.ofHours(24), 5)
                .poisson(random, "返品", minutes(0), Duration.ofHours(24), 0.5)
                .poisson(random, "支払い 方法", minutes(0), Duration.ofHours(24), 2)
                .poisson(random, "パスワード", minutes(0), Duration.ofHours(24), 6)
                .poisson(random, "login", minutes(0), Duration.ofHours(24), 20);
        assertEquals(List.of(), traffic.feed(detector()));
    }

    @Test
    void doesNotFireForAGradualRise() {
        // The morning: from 1 to 12 searches a minute over six hours, in 10-minute steps.
        Traffic traffic = new Traffic();
        for (int step = 0; step < 36; step++) {
            traffic.steady("配送", minutes(130 + step * 10L), minutes(10), 1 + step * 11.0 / 35);
        }
        traffic.steady("配送", minutes(0), minutes(130), 1);
        assertEquals(List.of(), traffic.feed(detector()));
    }

    @Test
    void respectsTheMinimumVolume() {
        // A term never searched before: mean 0, so only minCount stands in the way.
        assertEquals(List.of(), new Traffic().steady("新機能", minutes(200), minutes(10), 1.9).feed(detector()),
                "19 searches in the window");
        List<Alert> alerts = new Traffic().steady("新機能", minutes(200), minutes(10), 2).feed(detector());
        assertEquals(1, alerts.size());
        assertEquals(20, alerts.get(0).count());
        assertEquals(Double.POSITIVE_INFINITY, alerts.get(0).ratio());

        List<Alert> lower = new Traffic().steady("新機能", minutes(200), minutes(10), 0.5).feed(detector("minCount", 5));
        assertEquals(1, lower.size(), "minCount is a setting");
        assertEquals(5, lower.get(0).count());
    }

    @Test
    void aRiseWithinTheBaselinesSpreadOrRatioDoesNotFire() {
        // 30 a window against a baseline of 15: enough volume, but only twice the mean.
        Traffic doubled = new Traffic().steady("配送", minutes(0), minutes(300), 1.5)
                .steady("配送", minutes(200), minutes(10), 1.5);
        assertEquals(List.of(), doubled.feed(detector()));
        // Three times the mean, but the baseline swings a lot (0 or 40 a window): within mean + 3 sd.
        Traffic swinging = new Traffic();
        for (int w = 0; w < 20; w++) {
            if (w % 2 == 0) {
                traffic(swinging, "配送", minutes(w * 10L), 4);
            }
        }
        swinging.steady("配送", minutes(200), minutes(10), 6);
        assertEquals(List.of(), swinging.feed(detector()));
        assertEquals(1, swinging.feed(detector("sigmas", 0.5)).size(), "but with k = 0.5 it does");
    }

    @Test
    void aPerfectlySteadyBaselineStillNeedsAMarginOfOneSigmaUnit() {
        // 20 a window, every window: sigma is 0, and max(sigma, 1) keeps "21" from being a 3-sigma event.
        Object[] noRatio = {"minRatio", 1.0};
        Traffic plus2 = new Traffic().steady("配送", minutes(0), minutes(300), 2)
                .steady("配送", minutes(200), Duration.ofSeconds(20), 6);
        assertEquals(List.of(), plus2.feed(detector(noRatio)), "22 < 20 + 3 * 1");
        Traffic plus3 = new Traffic().steady("配送", minutes(0), minutes(300), 2)
                .steady("配送", minutes(200), Duration.ofSeconds(30), 6);
        List<Alert> alerts = plus3.feed(detector(noRatio));
        assertEquals(1, alerts.size(), alerts.toString());
        assertEquals(23, alerts.get(0).count());
        assertEquals(0.0, alerts.get(0).sd());
    }

    private static void traffic(Traffic traffic, String query, Duration from, double perMinute) {
        traffic.steady(query, from, minutes(10), perMinute);
    }

    @Test
    void respectsTheCooldown() {
        Traffic traffic = new Traffic()
                .steady("ログイン", minutes(0), minutes(300), 0.5)
                .steady("ログイン", minutes(180), minutes(10), 6)     // spike 1: alerts
                .steady("ログイン", minutes(210), minutes(10), 10)    // spike 2, 30 minutes later: cooling down
                .steady("ログイン", minutes(255), minutes(10), 15);   // spike 3, after the hour: alerts again
        List<Alert> alerts = traffic.feed(detector());
        assertEquals(2, alerts.size(), alerts.toString());
        assertTrue(alerts.get(0).at().isBefore(T0.plus(minutes(190))), alerts.get(0).toString());
        assertTrue(alerts.get(1).at().isAfter(T0.plus(minutes(255))), alerts.get(1).toString());
        assertTrue(alerts.get(1).mean() > 10, "the first spikes are in the baseline now: " + alerts.get(1));

        // The same traffic without a cooldown alerts on spike 2, and on every search of each spike.
        List<Alert> noCooldown = traffic.feed(detector("cooldownSeconds", 0, "maxAlertsPerHour", 10_000));
        assertTrue(noCooldown.stream().anyMatch(a -> a.at().isAfter(T0.plus(minutes(210)))
                && a.at().isBefore(T0.plus(minutes(220)))), "spike 2 is a spike");
        assertTrue(noCooldown.size() > 10, noCooldown.size() + " alerts");
    }

    @Test
    void termsSpikingTogetherAlertOnceUnderTheBiggest() {
        List<Alert> alerts = new Traffic()
                .steady("配送", minutes(0), minutes(200), 1)
                .steady("ログイン エラー", minutes(150), minutes(2), 15)
                .steady("ログイン できない", minutes(152), minutes(1), 10)   // afterwards: all three cool down
                .feed(detector());
        assertEquals(1, alerts.size(), alerts.toString());
        Alert alert = alerts.get(0);
        assertEquals("ログイン エラー", alert.term(), "the whole query wins a tie");
        assertEquals(List.of("ログイン", "エラー"), alert.alsoRising());
        assertEquals(List.of(new QueryCount("ログイン エラー", 20)), alert.topQueries());
    }

    @Test
    void topQueriesAreTheMostFrequentNormalisedQueriesOfTheTerm() {
        Traffic traffic = new Traffic().steady("配送", minutes(0), minutes(200), 1);
        String[] queries = {"Ｌｏｇｉｎ", "login", "login error", "login error", "login failed", "cannot login",
            "login page", "login 2fa", "login 2fa", "login 2fa", "logout"};
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < queries.length; i++) {
                traffic.steady(queries[i], minutes(150).plusSeconds(round * 60L + i), Duration.ofSeconds(1), 60);
            }
        }
        List<Alert> alerts = traffic.feed(detector());
        assertEquals(1, alerts.size(), alerts.toString());
        Alert alert = alerts.get(0);
        assertEquals("login", alert.term());
        assertEquals(List.of(new QueryCount("login 2fa", 6), new QueryCount("login", 4), new QueryCount("login error", 4),
                new QueryCount("cannot login", 2), new QueryCount("login failed", 2)), alert.topQueries());
    }

    @Test
    void capsAlertsPerHour() {
        Traffic traffic = new Traffic();
        for (int i = 0; i < 5; i++) {
            traffic.steady("word" + i, minutes(140 + i), minutes(1), 20);
        }
        assertEquals(5, traffic.feed(detector()).size());
        assertEquals(2, traffic.feed(detector("maxAlertsPerHour", 2)).size());
    }

    @Test
    void memoryIsBounded() {
        SpikeDetector detector = detector("maxKeys", 10);
        for (int i = 0; i < 100; i++) {
            detector.observe(T0.plusSeconds(i), "query " + i);
        }
        assertEquals(10, detector.trackedTerms(), "the least recently searched terms are forgotten");

        SpikeDetector ageing = detector();
        for (int i = 0; i < 5; i++) {
            ageing.observe(T0.plusSeconds(i), "term" + i);
        }
        assertEquals(5, ageing.trackedTerms());
        ageing.observe(T0.plus(minutes(131)), "later");
        assertEquals(1, ageing.trackedTerms(), "terms whose counts all aged out are dropped");
    }

    @Test
    void oldAndBlankSearchesAreIgnored() {
        SpikeDetector detector = detector("minCount", 1, "minRatio", 1.0, "sigmas", 0.0);
        assertTrue(detector.observe(T0.plus(minutes(200)), " \u3000").isEmpty());
        assertTrue(detector.observe(T0.plus(minutes(200)), "x").isPresent());
        assertTrue(detector.observe(T0, "y").isEmpty(), "older than the baseline: not counted");
        assertEquals(1, detector.trackedTerms());
    }
}
