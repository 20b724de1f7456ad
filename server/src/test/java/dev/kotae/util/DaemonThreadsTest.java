package dev.kotae.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class DaemonThreadsTest {

    @Test
    void threadsAreNamedDaemons() {
        Thread single = DaemonThreads.named("kotae-test").newThread(() -> {});
        assertEquals("kotae-test", single.getName());
        assertTrue(single.isDaemon(), "a background thread must not keep the JVM alive");

        DaemonThreads pool = DaemonThreads.numbered("kotae-pool-");
        assertEquals("kotae-pool-1", pool.newThread(() -> {}).getName());
        Thread second = pool.newThread(() -> {});
        assertEquals("kotae-pool-2", second.getName());
        assertTrue(second.isDaemon());
    }

    @Test
    void stopWaitsForWorkInProgressWithoutInterruptingIt() throws Exception {
        ExecutorService executor =
                Executors.newSingleThreadExecutor(DaemonThreads.named("kotae-stop-test"));
        CountDownLatch started = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        executor.submit(() -> {
            started.countDown();
            long end = System.nanoTime() + 200_000_000L;
            while (System.nanoTime() < end) {
                if (Thread.currentThread().isInterrupted()) {
                    interrupted.set(true);
                }
            }
            finished.set(true);
        });
        started.await();
        assertTrue(DaemonThreads.stop(executor, Duration.ofSeconds(10)), "the work finished in time");
        assertTrue(finished.get() && !interrupted.get(), "the work ran to its end, uninterrupted");

        ExecutorService stuck =
                Executors.newSingleThreadExecutor(DaemonThreads.named("kotae-stop-test-2"));
        CountDownLatch release = new CountDownLatch(1);
        stuck.submit(() -> {
            release.await();
            return null;
        });
        assertFalse(DaemonThreads.stop(stuck, Duration.ofMillis(50)), "work still running is reported");
        release.countDown();
    }
}
