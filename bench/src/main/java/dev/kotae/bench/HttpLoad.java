package dev.kotae.bench;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load driver: {@code concurrency} workers, each on its own keep-alive connection
 * ({@link KeepAliveConnection}),
 * send the next request as soon as the last answer is read, for a fixed time after a warm-up. Every
 * request is timed (HdrHistogram, microsecond precision); any status but 200 counts as an error.
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
        ExecutorService workers = Executors.newFixedThreadPool(concurrency);
        AtomicLong errors = new AtomicLong();
        long warmupEnd = System.nanoTime() + durations.warmupMillis() * 1_000_000;
        long end = warmupEnd + durations.measureMillis() * 1_000_000;
        try {
            List<Future<Histogram>> futures = new ArrayList<>();
            for (int w = 0; w < concurrency; w++) {
                int offset = w * 131;
                futures.add(workers.submit(() -> drive(paths, offset, warmupEnd, end, errors)));
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

    private Histogram drive(List<String> paths, int offset, long warmupEnd, long end, AtomicLong errors)
            throws IOException {
        Histogram histogram = new Histogram(60_000_000L, 3);
        int next = offset;
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
            while (true) {
                long start = System.nanoTime();
                if (start >= end) {
                    return histogram;
                }
                int status = connection.get(paths.get(next++ % paths.size()));
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
