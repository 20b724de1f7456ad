package dev.kotae.analytics;

import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.plugin.KotaeEvent;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands events to subscribers without ever blocking the publisher. Each subscriber has its own bounded
 * queue and thread, so a slow or stuck subscriber (a plugin listener, say) only loses its own events,
 * counted in {@code kotae_events_dropped_total}, and never delays a search or another subscriber.
 */
public final class EventBus implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);
    private static final int QUEUE_CAPACITY = 10_000;
    private static final Duration DRAIN_ON_CLOSE = Duration.ofSeconds(2);

    /**
     * Receives events on its own thread, in publication order. {@link #flush()} is called on the same
     * thread whenever the queue has run empty for a moment and once more after the last event at close,
     * so a subscriber may buffer events and write them in batches.
     */
    @FunctionalInterface
    public interface Subscriber {
        void accept(KotaeEvent event) throws Exception;

        /** Writes out whatever {@link #accept} buffered. */
        default void flush() throws Exception {}
    }

    /**
     * How a subscriber's lane behaves.
     *
     * @param capacity events queued at most before new ones are dropped (and counted)
     * @param drainOnClose how long close waits for this subscriber to finish its queue
     */
    public record Delivery(int capacity, Duration drainOnClose) {
        /** Best effort: a listener that is behind at shutdown loses what it has not seen. */
        public static final Delivery BEST_EFFORT = new Delivery(QUEUE_CAPACITY, DRAIN_ON_CLOSE);
    }

    private final KotaeMetrics metrics;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();
    private volatile EventJournal journal;
    private volatile RecentEvents recent;

    public EventBus(KotaeMetrics metrics) {
        this.metrics = metrics;
    }

    /** Adds a subscriber under a name used in logs and metrics. */
    public void subscribe(String name, Subscriber subscriber) {
        subscribe(name, subscriber, Delivery.BEST_EFFORT);
    }

    /** Adds a subscriber with its own queue size and shutdown allowance. */
    public void subscribe(String name, Subscriber subscriber, Delivery delivery) {
        Lane lane = new Lane(name, subscriber, delivery);
        lanes.add(lane);
        lane.thread.start();
    }

    /**
     * Makes every event published from now on durable before {@link #publish} returns: written to the
     * journal, from which the analytics database is filled.
     */
    public void journalTo(EventJournal journal) {
        this.journal = journal;
    }

    /**
     * Keeps every event published from now on in {@code recent} as well, before {@link #publish} returns
     * (on the publisher's thread: adding is cheap, and a thread of its own would be woken for every search).
     */
    public void keepLatestIn(RecentEvents recent) {
        this.recent = recent;
    }

    /**
     * Writes the event to the journal (when there is one) and the recent events (when kept), then queues
     * it for every subscriber; never waits for a subscriber.
     *
     * @return true when the event is kept for the analytics database (journaled, or no journal is in use);
     *     false when the journal refused it (full or unwritable; the loss is counted): an endpoint must not
     *     acknowledge such an event as recorded
     */
    public boolean publish(KotaeEvent event) {
        return publish(event, Requester.UNKNOWN);
    }

    /**
     * Like {@link #publish(KotaeEvent)}, with who the event came from kept beside it in the journal (and so
     * in the database) for learning; subscribers receive the event alone.
     */
    public boolean publish(KotaeEvent event, Requester requester) {
        metrics.event(EventNames.of(event));
        EventJournal durable = journal;
        boolean kept = durable == null || durable.append(event, requester);
        RecentEvents latest = recent;
        if (latest != null) {
            latest.add(event);
        }
        for (Lane lane : lanes) {
            if (!lane.queue.offer(event)) {
                metrics.eventDropped(lane.name);
            }
        }
        return kept;
    }

    /**
     * Delivers what is queued, each subscriber within its own {@link Delivery#drainOnClose} allowance
     * (all counted from now, in parallel), then stops every subscriber thread. Publish nothing after this.
     */
    @Override
    public void close() {
        long now = System.nanoTime();
        for (Lane lane : lanes) {
            lane.closing = true;
        }
        for (Lane lane : lanes) {
            long deadline = now + lane.delivery.drainOnClose().toNanos();
            try {
                lane.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (lane.thread.isAlive()) {
                LOG.warn("Event subscriber {} did not finish within {}; {} queued events lost", lane.name,
                        lane.delivery.drainOnClose(), lane.queue.size());
                lane.thread.interrupt();
            }
        }
        lanes.clear();
    }

    private final class Lane implements Runnable {
        final String name;
        final Subscriber subscriber;
        final Delivery delivery;
        final BlockingQueue<KotaeEvent> queue;
        final Thread thread;
        volatile boolean closing;

        Lane(String name, Subscriber subscriber, Delivery delivery) {
            this.name = name;
            this.subscriber = subscriber;
            this.delivery = delivery;
            this.queue = new ArrayBlockingQueue<>(delivery.capacity());
            this.thread = new Thread(this, "kotae-events-" + name);
            thread.setDaemon(true);
        }

        @Override
        public void run() {
            while (true) {
                KotaeEvent event;
                try {
                    event = queue.poll(100, TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                if (event == null) {
                    if (!flush()) {
                        return;
                    }
                    if (closing && queue.isEmpty()) {
                        return;
                    }
                    continue;
                }
                try {
                    subscriber.accept(event);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception | LinkageError e) {
                    metrics.eventFailed(name);
                    LOG.warn("Event subscriber {} failed on a {} event: {}", name, EventNames.of(event), e.toString());
                }
            }
        }

        /** Lets the subscriber write what it buffered; false when the thread was interrupted. */
        private boolean flush() {
            try {
                subscriber.flush();
            } catch (InterruptedException e) {
                return false;
            } catch (Exception | LinkageError e) {
                metrics.eventFailed(name);
                LOG.warn("Event subscriber {} failed to flush: {}", name, e.toString());
            }
            return true;
        }
    }
}
