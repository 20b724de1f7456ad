package dev.kotae.analytics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.AnalyticsConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Closing while a scheduled purge runs waits for it and never interrupts it: an interrupt inside the
 * database's file I/O would close the file under the purge (and the database closes right after).
 */
class RetentionPurgeCloseTest {

    @Test
    void closeWaitsForAPurgeInProgressWithoutInterruptingIt(@TempDir Path data) throws Exception {
        CountDownLatch purging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean interrupted = new AtomicBoolean();
        AtomicBoolean finished = new AtomicBoolean();
        // The purge reads the clock first: on the schedule's thread, this clock holds it there.
        Clock holding = new Clock() {
            @Override
            public Instant instant() {
                if (Thread.currentThread().getName().equals("kotae-analytics-purge")) {
                    purging.countDown();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                        finished.set(true);
                    } catch (InterruptedException e) {
                        interrupted.set(true);
                        Thread.currentThread().interrupt();
                    }
                }
                return Instant.parse("2026-11-27T12:00:00Z");
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        try (AnalyticsDatabase database = AnalyticsDatabase.open(AnalyticsConfig.defaults(), data)) {
            RetentionPurge purge = new RetentionPurge(database, Duration.ofDays(180), holding, Duration.ofMillis(10));
            purge.start();
            assertTrue(purging.await(10, TimeUnit.SECONDS), "a scheduled purge started");

            CompletableFuture<Void> closing = CompletableFuture.runAsync(purge::close);
            await("close waits for the purge in progress").during(Duration.ofMillis(200))
                    .atMost(Duration.ofSeconds(5)).until(() -> !closing.isDone());
            release.countDown();
            closing.get(10, TimeUnit.SECONDS);

            assertFalse(interrupted.get(), "the purge was interrupted");
            assertTrue(finished.get(), "the purge ran to its end");
            assertEquals(0, purge.purge(), "the database is still usable after close");
        }
    }
}
