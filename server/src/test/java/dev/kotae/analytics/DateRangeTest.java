package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.kotae.util.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DateRangeTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-27T12:00:00Z"), ZoneOffset.UTC);

    @Test
    void datesAreWholeDaysBothEndsIncluded() {
        DateRange range = DateRange.parse("2026-11-01", "2026-11-02", "ja", NOW);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), range.from());
        assertEquals(Instant.parse("2026-11-03T00:00:00Z"), range.to());
        assertEquals("ja", range.locale());
    }

    @Test
    void instantsAreTakenAsGiven() {
        DateRange range = DateRange.parse("2026-11-01T09:00:00+09:00", "2026-11-01T10:00:00Z", null, NOW);
        assertEquals(Instant.parse("2026-11-01T00:00:00Z"), range.from());
        assertEquals(Instant.parse("2026-11-01T10:00:00Z"), range.to());
    }

    @Test
    void defaultsToTheLast30Days() {
        DateRange range = DateRange.parse(null, " ", "", NOW);
        assertEquals(NOW.instant(), range.to());
        assertEquals(Instant.parse("2026-10-28T12:00:00Z"), range.from());
        assertNull(range.locale());
    }

    @Test
    void refusesWhatItCannotRead() {
        assertEquals("bad_from", assertThrows(InvalidRequestException.class,
                () -> DateRange.parse("2026-02-30", null, null, NOW)).code());
        assertEquals("bad_to", assertThrows(InvalidRequestException.class,
                () -> DateRange.parse(null, "tomorrow", null, NOW)).code());
        assertEquals("bad_range", assertThrows(InvalidRequestException.class,
                () -> DateRange.parse("2026-11-02", "2026-11-01", null, NOW)).code());
        assertEquals("bad_locale", assertThrows(InvalidRequestException.class,
                () -> DateRange.parse(null, null, "ja'--", NOW)).code());
    }
}
