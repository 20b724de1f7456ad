package dev.kotae.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts searches per term ({@link Terms}) in time buckets and reports a term whose recent window spikes
 * against its own baseline ({@link SpikeRule}). Time is the events' own: the server stamps each search
 * when it is answered, so the detector needs no clock of its own, and tests drive it by stamping events.
 *
 * <p>It stays quiet until it has watched one full baseline ({@link SpikeRule#span()} buckets after
 * {@code startedAt}): right after a restart every term's baseline would be empty and every popular term
 * would "spike". Terms that spike on the same search are reported together, once, under the one with the
 * most searches, and all of them cool down. At most {@link SpikeRule#maxAlertsPerHour()} alerts are
 * reported per hour (of event time), all terms together: queries are attacker-controlled, and a script
 * cycling through made-up words must not flood the channel.
 *
 * <p>Memory is bounded: at most {@link SpikeRule#maxKeys()} terms (the least recently searched one is
 * forgotten first), each with {@code span} counters; terms whose counts have all aged out are dropped once
 * per window; the top queries come from at most {@value #LOG_CAPACITY} searches of the recent window.
 *
 * <p>Not thread-safe by design, but synchronised anyway: the server calls it from one thread.
 */
final class SpikeDetector {

    private static final Logger LOG = LoggerFactory.getLogger(SpikeDetector.class);
    static final int LOG_CAPACITY = 10_000;
    static final int TOP_QUERIES = 5;

    /** How many searches of one normalised query the recent window holds. */
    record QueryCount(String query, long count) {}

    /**
     * A spike: the term, its recent window's count, the baseline's mean and standard deviation (per window
     * of the same length), the most frequent normalised queries behind it in the window, and other terms
     * that spiked on the same search.
     */
    record Alert(Instant at, String term, long count, double mean, double sd, Duration window, int baselineWindows,
            List<QueryCount> topQueries, List<String> alsoRising) {

        /** How many times the baseline mean the window is; infinite for a term never searched before. */
        double ratio() {
            return mean == 0 ? Double.POSITIVE_INFINITY : count / mean;
        }
    }

    private record Logged(long bucket, String query) {}

    /** One term's counters: a ring of {@code span} buckets ending at {@code last}. */
    private static final class Series {
        final int[] counts;
        long last = Long.MIN_VALUE;
        Instant quietUntil;

        Series(int span) {
            counts = new int[span];
        }

        /** Moves the ring's end to {@code now}, zeroing the buckets it passes. */
        void advance(long now) {
            if (last == Long.MIN_VALUE) {
                last = now;
                return;
            }
            long steps = Math.min(now - last, counts.length);
            for (long i = 1; i <= steps; i++) {
                counts[(int) Math.floorMod(last + i, (long) counts.length)] = 0;
            }
            last = Math.max(last, now);
        }

        long sum(long from, long to) {
            long sum = 0;
            for (long b = from; b <= to; b++) {
                sum += counts[(int) Math.floorMod(b, (long) counts.length)];
            }
            return sum;
        }
    }

    private record Candidate(String term, Series series, long count, double mean, double sd) {}

    private final SpikeRule rule;
    private final long bucketMillis;
    private final int span;
    private final long startBucket;
    private long now;
    private long lastSweep;
    private final LinkedHashMap<String, Series> series;
    private final ArrayDeque<Logged> log = new ArrayDeque<>();
    private final ArrayDeque<Instant> alertTimes = new ArrayDeque<>();

    SpikeDetector(SpikeRule rule, Instant startedAt) {
        this.rule = rule;
        this.bucketMillis = rule.bucket().toMillis();
        this.span = rule.span();
        this.startBucket = bucketOf(startedAt);
        this.now = startBucket;
        this.lastSweep = startBucket;
        int maxKeys = rule.maxKeys();
        // Access order: get and put make a term the most recently seen; the eldest is evicted past maxKeys.
        this.series = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Series> eldest) {
                return size() > maxKeys;
            }
        };
    }

    /** Counts one search made at {@code at}; returns the alert it triggers, if any. */
    synchronized Optional<Alert> observe(Instant at, String query) {
        String normalised = Terms.normalise(query);
        if (normalised.isEmpty()) {
            return Optional.empty();
        }
        long bucket = bucketOf(at);
        if (bucket > now) {
            now = bucket;
            sweepOncePerWindow(at);
        }
        if (bucket <= now - span) {
            return Optional.empty(); // older than anything still counted
        }
        remember(bucket, normalised);

        boolean warm = now - span >= startBucket;
        List<Candidate> spiking = new ArrayList<>();
        for (String term : Terms.keys(normalised)) {
            Series s = series.computeIfAbsent(term, k -> new Series(span));
            s.advance(now);
            s.counts[(int) Math.floorMod(bucket, (long) span)]++;
            if (!warm || (s.quietUntil != null && at.isBefore(s.quietUntil))) {
                continue;
            }
            long count = s.sum(now - rule.windowBuckets() + 1, now);
            double[] baseline = new double[rule.baselineWindows()];
            for (int j = 1; j <= baseline.length; j++) {
                baseline[j - 1] = s.sum(now - (long) (j + 1) * rule.windowBuckets() + 1, now - (long) j * rule.windowBuckets());
            }
            double mean = mean(baseline);
            double sd = sd(baseline, mean);
            if (rule.spikes(count, mean, sd)) {
                spiking.add(new Candidate(term, s, count, mean, sd));
            }
        }
        if (spiking.isEmpty()) {
            return Optional.empty();
        }
        // The first with the most searches: the whole query wins a tie, as it comes first.
        Candidate top = spiking.get(0);
        for (Candidate c : spiking) {
            if (c.count() > top.count()) {
                top = c;
            }
        }
        Instant quietUntil = at.plus(rule.cooldown());
        spiking.forEach(c -> c.series().quietUntil = quietUntil);
        String term = top.term();
        List<String> others = spiking.stream().map(Candidate::term).filter(t -> !t.equals(term)).toList();

        while (!alertTimes.isEmpty() && !alertTimes.peekFirst().isAfter(at.minus(Duration.ofHours(1)))) {
            alertTimes.removeFirst();
        }
        if (alertTimes.size() >= rule.maxAlertsPerHour()) {
            LOG.warn("alert-webhook: not alerting on a spike in searches for \"{}\" ({} in the window): "
                    + "maxAlertsPerHour ({}) reached; it cools down as if alerted", term.replaceAll("\\p{Cc}", "?"),
                    top.count(), rule.maxAlertsPerHour());
            return Optional.empty();
        }
        alertTimes.addLast(at);
        return Optional.of(new Alert(at, term, top.count(), top.mean(), top.sd(), rule.window(),
                rule.baselineWindows(), topQueries(term), others));
    }

    /** How many terms are tracked now. */
    synchronized int trackedTerms() {
        return series.size();
    }

    private long bucketOf(Instant at) {
        return Math.floorDiv(at.toEpochMilli(), bucketMillis);
    }

    private void remember(long bucket, String normalised) {
        log.addLast(new Logged(bucket, normalised));
        long windowStart = now - rule.windowBuckets() + 1;
        while (!log.isEmpty() && (log.size() > LOG_CAPACITY || log.peekFirst().bucket() < windowStart)) {
            log.removeFirst();
        }
    }

    /** The most frequent normalised queries in the window that count towards {@code term}. */
    private List<QueryCount> topQueries(String term) {
        long windowStart = now - rule.windowBuckets() + 1;
        Map<String, Long> counts = new HashMap<>();
        for (Logged entry : log) {
            if (entry.bucket() >= windowStart && Terms.keys(entry.query()).contains(term)) {
                counts.merge(entry.query(), 1L, Long::sum);
            }
        }
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(TOP_QUERIES)
                .map(e -> new QueryCount(e.getKey(), e.getValue()))
                .toList();
    }

    /** Forgets terms whose counts have all aged out and that are not cooling down; once per window. */
    private void sweepOncePerWindow(Instant at) {
        if (now - lastSweep < rule.windowBuckets()) {
            return;
        }
        lastSweep = now;
        for (Iterator<Series> it = series.values().iterator(); it.hasNext(); ) {
            Series s = it.next();
            if (s.last <= now - span && (s.quietUntil == null || !at.isBefore(s.quietUntil))) {
                it.remove();
            }
        }
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static double sd(double[] values, double mean) {
        double sum = 0;
        for (double v : values) {
            sum += (v - mean) * (v - mean);
        }
        return Math.sqrt(sum / values.length);
    }
}
