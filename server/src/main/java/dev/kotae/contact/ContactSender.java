package dev.kotae.contact;

import dev.kotae.util.DaemonThreads;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the queued contact requests in the background, on one thread: every {@link #POLL} and whenever
 * {@link #wake()} is called (a new request, an admin's "retry now"). A failed attempt is tried again after
 * a growing wait ({@link #backoff}: 30 s, 1 min, 2 min… at most an hour); after {@link #MAX_ATTEMPTS}, or
 * at once when the destination refused the request as invalid, the delivery is marked failed and waits for
 * an admin. A destination's answer never stops the others.
 */
public final class ContactSender implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContactSender.class);
    /** How often the queue is looked at without being woken (other replicas' requests, retries due). */
    static final Duration POLL = Duration.ofSeconds(15);
    /** Attempts before a delivery is left to an admin: with the backoff, about seven hours of trying. */
    static final int MAX_ATTEMPTS = 12;
    static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    static final Duration LONGEST_WAIT = Duration.ofHours(1);
    /**
     * How long a claimed delivery is left to the replica that claimed it before another may try it: longer
     * than any one attempt can last (each destination's time-outs are at most 5 minutes), so a slow
     * destination is never sent the same request by a second replica meanwhile.
     */
    static final Duration CLAIM = Duration.ofMinutes(30);
    private static final int BATCH = 50;

    private final ContactQueue queue;
    private final ContactBackup backup;
    private final Map<String, Destination> destinations;
    private final Clock clock;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean woken = new AtomicBoolean();
    /** Set by {@link #close}: the delivery in hand is finished and recorded, no other is started. */
    private final AtomicBoolean closing = new AtomicBoolean();
    /** Whether the backup's requests were put back into the queue (done once, on this thread, before any send). */
    private boolean restored;

    /**
     * @param backup the local copy of acknowledged requests, put back into the queue before the first
     *     delivery (tried again every poll while the database does not answer), or {@code null} for none
     * @param destinations the configured destinations by name
     */
    public ContactSender(ContactQueue queue, ContactBackup backup, Map<String, Destination> destinations, Clock clock) {
        this.queue = queue;
        this.backup = backup;
        this.destinations = Map.copyOf(destinations);
        this.clock = clock;
        this.thread = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kotae-contact-sender"));
    }

    /** Starts looking at the queue every {@link #POLL}. */
    public void start() {
        thread.scheduleWithFixedDelay(this::sendDue, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Looks at the queue now (soon, on the sender's thread), rather than at the next poll. */
    public void wake() {
        if (woken.compareAndSet(false, true)) {
            try {
                thread.execute(() -> {
                    woken.set(false);
                    sendDue();
                });
            } catch (java.util.concurrent.RejectedExecutionException e) {
                woken.set(false); // closing: the queue keeps the request for the next start
            }
        }
    }

    /**
     * Tries every delivery due now, once; the first call first restores the backup's requests, and every
     * call lets the backup delete its old days.
     */
    void sendDue() {
        try {
            if (backup != null && !restored) {
                backup.restoreInto(queue);
                restored = true;
            }
            List<Delivery> due;
            do {
                due = queue.due(clock.instant(), BATCH);
                for (Delivery delivery : due) {
                    if (closing.get()) {
                        return; // the rest stay unclaimed: the next start (or another replica) sends them
                    }
                    if (queue.claim(delivery, clock.instant().plus(CLAIM))) {
                        attempt(delivery);
                    }
                }
            } while (due.size() == BATCH && !closing.get());
        } catch (SQLException e) {
            LOG.warn("Contact requests cannot be sent now (the database did not answer); trying again in {} s: {}",
                    POLL.toSeconds(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Contact sender failed; trying again in {} s", POLL.toSeconds(), e);
        }
        forgetOldCopies();
    }

    /** Lets the backup delete its old days, after the deliveries: its failing never holds one up. */
    private void forgetOldCopies() {
        if (backup == null || !restored) {
            return;
        }
        try {
            backup.forgetOld();
        } catch (RuntimeException e) {
            LOG.warn("Cannot delete old contact backups now; trying again in {} s: {}", POLL.toSeconds(), e.toString());
        }
    }

    private void attempt(Delivery delivery) throws SQLException {
        Destination destination = destinations.get(delivery.destination());
        Optional<ContactRequest> request = queue.request(delivery.requestId());
        if (destination == null || request.isEmpty()) {
            queue.failed(delivery, destination == null ? "no destination named " + delivery.destination()
                    + " is configured any more" : "the request is no longer stored", null, clock.instant());
            return;
        }
        try {
            destination.deliver(request.get());
            queue.delivered(delivery, clock.instant());
            LOG.info("Contact request {} delivered to {}", delivery.requestId(), delivery.destination());
        } catch (DeliveryException e) {
            failed(delivery, e.getMessage(), e.permanent());
        } catch (RuntimeException e) {
            // A destination's bug is its own failure, retried like any other, not the sender's end.
            failed(delivery, e.getClass().getSimpleName() + ": " + e.getMessage(), false);
        }
    }

    private void failed(Delivery delivery, String error, boolean permanent) throws SQLException {
        int attempts = delivery.attempts() + 1;
        Instant next = permanent || attempts >= MAX_ATTEMPTS ? null : clock.instant().plus(backoff(attempts));
        queue.failed(delivery, error, next, clock.instant());
        if (next == null) {
            LOG.warn("Contact request {} could not be delivered to {} ({} attempt(s)); left for an admin: {}",
                    delivery.requestId(), delivery.destination(), attempts, error);
        } else {
            LOG.info("Contact request {} not delivered to {} (attempt {}); retrying at {}: {}", delivery.requestId(),
                    delivery.destination(), attempts, next, error);
        }
    }

    /** The wait after the {@code attempts}-th failed attempt: doubling from {@link #FIRST_RETRY}, capped. */
    static Duration backoff(int attempts) {
        Duration wait = FIRST_RETRY.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
        return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
    }

    /**
     * Stops taking deliveries and waits up to 15 s for the one in hand, whose outcome is then recorded:
     * a delivery a destination accepted is never sent again because the server stopped. One still running
     * after that (a destination with a longer {@code timeoutSeconds}) keeps its claim and is retried after
     * {@link #CLAIM}.
     */
    @Override
    public void close() {
        closing.set(true);
        if (!DaemonThreads.stop(thread, Duration.ofSeconds(15))) {
            LOG.warn("Contact sender still busy at shutdown; its claimed deliveries are retried after {} s",
                    CLAIM.toSeconds());
        }
    }
}
