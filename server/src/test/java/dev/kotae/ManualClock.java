package dev.kotae;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** A clock in UTC that a test moves by hand ({@link #advance}), or that moves a step at each reading. */
public class ManualClock extends Clock {

    private final Duration tick;
    private Instant now;

    /** A clock standing at {@code start} until the test moves it. */
    public ManualClock(String start) {
        this(Instant.parse(start), Duration.ZERO);
    }

    private ManualClock(Instant start, Duration tick) {
        this.now = start;
        this.tick = tick;
    }

    /** A clock that moves {@code tick} forward before each reading: no two readings are alike. */
    public static ManualClock ticking(String start, Duration tick) {
        return new ManualClock(Instant.parse(start), tick);
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public synchronized Instant instant() {
        now = now.plus(tick);
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
