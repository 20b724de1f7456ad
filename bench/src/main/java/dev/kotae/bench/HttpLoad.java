package dev.kotae.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load driver: {@code concurrency} workers, each on its own keep-alive connection
 * ({@link KeepAliveConnection}),
 * send the next request as soon as the last answer is read, for a fixed time after a warm-up (and until
 * each worker has timed at least one answer). Every request is timed (HdrHistogram, microsecond precision); any status but 200 counts as an error.
 */
final class HttpLoad {

    /** What one load run measured. */
    record Result(Latency latency, long requests, long errors) {}

    private final URI base;

    HttpLoad(URI base) {
        this.base = base;
    }

    /** Requests {@code paths} (cycled, each worker from its own offset) and measures the answers. */
    Result run(List<String> paths, int concurrency, InProcess.Durations durations) throws Exception {
        return run(concurrency, durations, offset -> {
            int[] next = {offset};
            return () -> paths.get(next[0]++ % paths.size());
        });
    }

    /**
     * A log of requests sent once each, in order, by all workers together (as a server sees one stream of
     * visitors); successive calls go on where the last stopped. When the log runs out it starts again.
     */
    static final class Replay {
        private final List<String> log;
        private final AtomicInteger sent = new AtomicInteger();

        Replay(List<String> log) {
            this.log = List.copyOf(log);
        }

        private String next() {
            return log.get(Math.floorMod(sent.getAndIncrement(), log.size()));
        }

        /** How many requests of the log were sent so far. */
        int sent() {
            return sent.get();
        }
    }

    /** Sends the next requests of {@code replay} and measures the answers. */
    Result run(Replay replay, int concurrency, InProcess.Durations durations) throws Exception {
        return run(concurrency, durations, offset -> replay::next);
    }

    /** Where each worker takes its next path from, given the worker's offset. */
    private interface Paths {
        Supplier<String> forWorker(int offset);
    }

    private Result run(int concurrency, InProcess.Durations durations, Paths paths) throws Exception {
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicLong errors = new AtomicLong();
        long warmupEnd = System.nanoTime() + durations.warmupMillis() * 1_000_000;
        long end = warmupEnd + durations.measureMillis() * 1_000_000;
        try {
            List<Future<Histogram>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int offset = w * 131;
                Supplier<String> next = paths.forWorker(offset);
                futures.add(workers.submit(() -> drive(next, warmupEnd, end, errors)));
            }
            Histogram all = new Histogram(60_000_000L, 3);
            for (Future<Histogram> future : futures) {
                all.add(future.get());
            }
            double seconds = durations.measureMillis() / 1000.0;
            Latency latency = new Latency(all.getValueAtPercentile(50) / 1000.0, all.getValueAtPercentile(99) / 1000.0,
                    all.getTotalCount() / seconds);
            return new Result(latency, all.getTotalCount(), errors.get());
        } finally {
            workers.shutdownNow();
        }
    }

    private Histogram drive(Supplier<String> next, long warmupEnd, long end, AtomicLong errors)
            throws IOException {
        Histogram histogram = new Histogram(60_000_000L, 3);
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
            while (true) {
                long start = System.nanoTime();
                // Each worker measures at least one answer, even past the end: on a slow or loaded machine a
                // short phase could otherwise end with no figure at all.
                if (start >= end && histogram.getTotalCount() > 0) {
                    return histogram;
                }
                int status = connection.get(next.get());
                long tookMicros = (System.nanoTime() - start) / 1000;
                if (start >= warmupEnd) {
                    histogram.recordValue(Math.min(tookMicros, 60_000_000L));
                    if (status != 200) {
                        errors.incrementAndGet();
                    }
                }
            }
        }
    }
}
