package dev.kotae.contact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.TestDatabases;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contact queue on H2 and PostgreSQL, with the sender driven by hand ({@link ContactSender#sendDue()})
 * and a clock moved by the test: nothing waits.
 */
class ContactQueueTest {

    @TempDir
    Path data;

    /** A clock a test moves. */
    static final class MovingClock extends Clock {
        Instant now = Instant.parse("2026-12-06T03:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    /** A destination that fails while {@code down} and counts what it took. */
    static class FlakyDestination implements Destination {
        volatile boolean down;
        volatile boolean refuses;
        final AtomicInteger delivered = new AtomicInteger();
        final AtomicInteger tried = new AtomicInteger();

        @Override
        public String name() {
            return "hook";
        }

        @Override
        public void deliver(ContactRequest request) throws DeliveryException {
            tried.incrementAndGet();
            if (refuses) {
                throw new DeliveryException("HTTP 400 from hook", null, true);
            }
            if (down) {
                throw new DeliveryException("HTTP 503 from hook", null);
            }
            delivered.incrementAndGet();
        }
    }

    static ContactRequest request(String id, Instant at) {
        return new ContactRequest(id, at, "ja", "billing", "請求・支払い", Priority.HIGH, null, "a@example.com",
                "返金について", "返金はいつですか", List.of("refund-timing", "cancel"), List.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRequestIsKeptWhileItsDestinationIsDownAndDeliveredOnceWhenItComesBack(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            MovingClock clock = new MovingClock();
            ContactQueue queue = new ContactQueue(database);
            FlakyDestination hook = new FlakyDestination();
            hook.down = true;
            try (ContactSender sender = new ContactSender(queue, null, Map.of("hook", hook), clock)) {
                ContactRequest request = request("r-1", clock.instant());
                queue.enqueue(request, List.of("hook"));
                assertEquals(request, queue.request("r-1").orElseThrow());

                sender.sendDue();
                Delivery pending = queue.undelivered(10).get(0);
                assertEquals(DeliveryState.PENDING, pending.state());
                assertEquals(1, pending.attempts());
                assertEquals("HTTP 503 from hook", pending.lastError());
                assertEquals(clock.instant().plus(ContactSender.FIRST_RETRY), pending.nextAttemptAt());

                sender.sendDue(); // not due yet: not tried
                assertEquals(1, hook.tried.get());

                hook.down = false;
                clock.now = clock.now.plus(ContactSender.FIRST_RETRY);
                sender.sendDue();
                sender.sendDue();
                assertEquals(1, hook.delivered.get(), "delivered exactly once");
                assertTrue(queue.undelivered(10).isEmpty());
                Delivery delivered = queue.recent(10).get(0).deliveries().get(0);
                assertEquals(DeliveryState.DELIVERED, delivered.state());
                assertEquals(2, delivered.attempts());
                assertNull(delivered.lastError());
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRefusedRequestWaitsForAnAdminWhoseRetryDeliversIt(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            MovingClock clock = new MovingClock();
            ContactQueue queue = new ContactQueue(database);
            FlakyDestination hook = new FlakyDestination();
            hook.refuses = true;
            try (ContactSender sender = new ContactSender(queue, null, Map.of("hook", hook), clock)) {
                queue.enqueue(request("r-2", clock.instant()), List.of("hook", "gone"));
                sender.sendDue();
                List<Delivery> failed = queue.undelivered(10);
                assertEquals(2, failed.size());
                assertTrue(failed.stream().allMatch(d -> d.state() == DeliveryState.FAILED), failed::toString);
                assertTrue(failed.stream().anyMatch(d -> d.lastError().contains("no destination named gone")));

                clock.now = clock.now.plus(Duration.ofDays(1));
                sender.sendDue(); // failed deliveries are not retried by themselves
                assertEquals(1, hook.tried.get());

                hook.refuses = false;
                assertTrue(queue.retryNow("r-2", "hook", clock.instant()));
                assertFalse(queue.retryNow("r-2", "nobody", clock.instant()));
                sender.sendDue();
                assertEquals(1, hook.delivered.get());
                assertFalse(queue.retryNow("r-2", "hook", clock.instant()), "a delivered request is not sent again");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void twoReplicasOnOneDatabaseClaimADeliveryOnce(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase one = TestDatabases.open(db, data);
                AnalyticsDatabase other = TestDatabases.open(db, data)) {
            Instant now = Instant.parse("2026-12-06T03:00:00Z");
            new ContactQueue(one).enqueue(request("r-3", now), List.of("hook"));
            Delivery seenByOne = new ContactQueue(one).due(now, 10).get(0);
            Delivery seenByOther = new ContactQueue(other).due(now, 10).get(0);
            assertTrue(new ContactQueue(one).claim(seenByOne, now.plus(ContactSender.CLAIM)));
            assertFalse(new ContactQueue(other).claim(seenByOther, now.plus(ContactSender.CLAIM)));
            assertTrue(new ContactQueue(other).due(now, 10).isEmpty());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgres"})
    void aRequestWithoutDestinationsIsKeptAndListedNewestFirst(String storage) throws Exception {
        try (TestDatabases.Storage db = TestDatabases.named(storage);
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            ContactQueue queue = new ContactQueue(database);
            Instant now = Instant.parse("2026-12-06T03:00:00Z");
            queue.enqueue(request("older", now), List.of());
            queue.enqueue(request("newer", now.plusSeconds(1)), List.of());
            List<ContactQueue.Queued> recent = queue.recent(10);
            assertEquals(List.of("newer", "older"), recent.stream().map(q -> q.request().id()).toList());
            assertTrue(recent.get(0).deliveries().isEmpty());
            assertEquals(List.of("refund-timing", "cancel"), recent.get(0).request().articlesShown());
        }
    }

    /** A destination whose first delivery waits, inside the call, until the test lets it finish. */
    static final class HeldDestination extends FlakyDestination {
        final CountDownLatch inside = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void deliver(ContactRequest request) throws DeliveryException {
            if (tried.get() == 0) {
                inside.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            super.deliver(request);
        }
    }

    @Test
    void stoppingFinishesAndRecordsTheDeliveryInHandAndStartsNoOther() throws Exception {
        // Before, the sender went on through its batch after the server began to stop; the database was
        // closed under it, and a request the destination had taken was sent again 30 minutes later.
        try (TestDatabases.Storage db = TestDatabases.named("h2");
                AnalyticsDatabase database = TestDatabases.open(db, data)) {
            MovingClock clock = new MovingClock();
            ContactQueue queue = new ContactQueue(database);
            for (String id : List.of("r-a", "r-b", "r-c")) {
                queue.enqueue(request(id, clock.instant()), List.of("hook"));
            }
            HeldDestination hook = new HeldDestination();
            ContactSender sender = new ContactSender(queue, null, Map.of("hook", hook), clock);
            sender.start();
            assertTrue(hook.inside.await(30, TimeUnit.SECONDS), "the first delivery began");
            Thread closer = new Thread(sender::close, "closer");
            closer.start();
            // close() has said stop once it waits for the sender's thread to end.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> closer.getState() == Thread.State.TIMED_WAITING);
            hook.release.countDown();
            closer.join(30_000);
            assertFalse(closer.isAlive());

            assertEquals(1, hook.tried.get(), "no delivery started after the stop");
            List<Delivery> left = queue.undelivered(10);
            assertEquals(2, left.size(), left::toString);
            assertTrue(left.stream().allMatch(d -> d.attempts() == 0), left::toString);
            assertEquals(2, queue.due(clock.instant(), 10).size(), "not claimed: due at the next start");
            assertEquals(1, queue.recent(10).stream().flatMap(q -> q.deliveries().stream())
                    .filter(d -> d.state() == DeliveryState.DELIVERED).count(), "the one in hand is recorded delivered");
        }
    }

    @Test
    void theWaitDoublesFromThirtySecondsUpToAnHour() {
        assertEquals(Duration.ofSeconds(30), ContactSender.backoff(1));
        assertEquals(Duration.ofSeconds(60), ContactSender.backoff(2));
        assertEquals(Duration.ofMinutes(4), ContactSender.backoff(4));
        assertEquals(Duration.ofHours(1), ContactSender.backoff(9));
        assertEquals(Duration.ofHours(1), ContactSender.backoff(ContactSender.MAX_ATTEMPTS));
    }
}
