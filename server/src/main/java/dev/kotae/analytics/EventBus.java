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

    /** Receives events on its own thread, in publication order. */
    @FunctionalInterface
    public interface Subscriber {
        void accept(KotaeEvent event) throws Exception;
    }

    private final KotaeMetrics metrics;
    private final List<Lane> lanes = new CopyOnWriteArrayList<>();

    public EventBus(KotaeMetrics metrics) {
        this.metrics = metrics;
    }

    /** Adds a subscriber under a name used in logs and metrics. */
    public void subscribe(String name, Subscriber subscriber) {
        Lane lane = new Lane(name, subscriber);
        lanes.add(lane);
        lane.thread.start();
    }

    /** Queues the event for every subscriber; returns at once. */
    public void publish(KotaeEvent event) {
        metrics.event(EventNames.of(event));
        for (Lane lane : lanes) {
            if (!lane.queue.offer(event)) {
                metrics.eventDropped(lane.name);
            }
        }
    }

    /** Delivers what is queued (for a short while), then stops every subscriber thread. */
    @Override
    public void close() {
        long deadline = System.nanoTime() + DRAIN_ON_CLOSE.toNanos();
        for (Lane lane : lanes) {
            lane.closing = true;
        }
        for (Lane lane : lanes) {
            try {
                lane.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            lane.thread.interrupt();
        }
        lanes.clear();
    }

    private final class Lane implements Runnable {
        final String name;
        final Subscriber subscriber;
        final BlockingQueue<KotaeEvent> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        final Thread thread;
        volatile boolean closing;

        Lane(String name, Subscriber subscriber) {
            this.name = name;
            this.subscriber = subscriber;
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
                    if (closing) {
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
    }
}
