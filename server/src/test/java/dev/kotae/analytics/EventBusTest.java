package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.KotaeEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class EventBusTest {

    private static KotaeEvent click(int rank) {
        return new ClickEvent(Instant.now(), null, "q", "a", rank);
    }

    @Test
    void closeDrainsAStorageLaneFullyAndFlushesLast() {
        KotaeMetrics metrics = new KotaeMetrics();
        EventBus bus = new EventBus(metrics);
        List<Integer> stored = new ArrayList<>();
        List<Integer> buffer = new ArrayList<>();
        bus.subscribe("slow-store", new EventBus.Subscriber() {
            @Override
            public void accept(KotaeEvent event) throws InterruptedException {
                Thread.sleep(1); // ~3 s for all of them: longer than the best-effort 2 s
                buffer.add(((ClickEvent) event).rank());
            }

            @Override
            public void flush() {
                stored.addAll(buffer);
                buffer.clear();
            }
        }, new EventBus.Delivery(10_000, Duration.ofSeconds(60)));
        for (int i = 1; i <= 2_500; i++) {
            bus.publish(click(i % 100 + 1));
        }
        bus.close();
        assertEquals(2_500, stored.size(), "every queued event was delivered and flushed before close returned");
    }

    @Test
    void theRecentEventsHoldAnEventOnceItIsPublished() {
        EventBus bus = new EventBus(new KotaeMetrics());
        RecentEvents recent = new RecentEvents();
        bus.keepLatestIn(recent);
        KotaeEvent first = click(1);
        KotaeEvent second = click(2);
        bus.publish(first);
        assertEquals(List.of(first), recent.latest(null, 10));
        bus.publish(second);
        assertEquals(List.of(second, first), recent.latest(EventNames.CLICK, 10));
        bus.close();
    }

    @Test
    void aFullQueueDropsAndCountsInsteadOfBlocking() throws Exception {
        KotaeMetrics metrics = new KotaeMetrics();
        EventBus bus = new EventBus(metrics);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch entered = new CountDownLatch(1);
        AtomicInteger seen = new AtomicInteger();
        bus.subscribe("stuck", event -> {
            entered.countDown();
            release.await();
            seen.incrementAndGet();
        }, new EventBus.Delivery(2, Duration.ofSeconds(5)));
        bus.publish(click(1));
        entered.await();
        long start = System.nanoTime();
        for (int i = 0; i < 9; i++) {
            bus.publish(click(1));
        }
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos(), "publish blocked");
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        metrics.write(text);
        String exposed = text.toString(StandardCharsets.UTF_8);
        // One event is being handled, two wait in the queue: seven were dropped, and /metrics says so.
        assertTrue(exposed.contains("kotae_events_dropped_total{subscriber=\"stuck\"} 7.0"), exposed);
        release.countDown();
        bus.close();
        assertEquals(3, seen.get());
    }
}
