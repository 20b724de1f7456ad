package dev.kotae.editing;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The times a draft may be scheduled for, checked wherever one is read (the API's {@code publishAt}, the
 * editor form's field). {@link Instant} accepts years up to a billion, but a time outside a four-digit year
 * cannot be shown in the form's {@code datetime-local} field or converted to a local date everywhere, so
 * such a draft would break its own editor page; nobody means to publish before 2000 or after 9999.
 */
public final class PublishTimes {

    /** The earliest year a draft may be scheduled for. */
    public static final int FIRST_YEAR = 2000;
    /** The latest year a draft may be scheduled for. */
    public static final int LAST_YEAR = 9999;

    private static final Instant FIRST = LocalDateTime.of(FIRST_YEAR, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Instant AFTER_LAST = LocalDateTime.of(LAST_YEAR + 1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);

    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private PublishTimes() {}

    /** Whether {@code at} falls in the years {@link #FIRST_YEAR} to {@link #LAST_YEAR} (UTC). */
    public static boolean inRange(Instant at) {
        return !at.isBefore(FIRST) && at.isBefore(AFTER_LAST);
    }

    /** Whether a local date-time's year is {@link #FIRST_YEAR} to {@link #LAST_YEAR}: the form's own check. */
    public static boolean inRange(LocalDateTime local) {
        return local.getYear() >= FIRST_YEAR && local.getYear() <= LAST_YEAR;
    }

    /**
     * A publish time as people read it in the audit log and notes: in the help center's {@code zone}, with
     * the zone named ({@code 2026-12-08 07:08 Asia/Tokyo}), not as an instant in UTC.
     */
    public static String describe(Instant at, ZoneId zone) {
        return SHOWN.format(at.atZone(zone)) + " " + zone.getId();
    }
}
