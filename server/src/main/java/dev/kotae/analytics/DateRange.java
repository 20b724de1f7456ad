package dev.kotae.analytics;

import dev.kotae.util.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * A half-open span of time {@code [from, to)} that reports cover, with an optional locale filter for
 * searches.
 *
 * @param locale a locale such as {@code ja}, or {@code null} for all
 */
public record DateRange(Instant from, Instant to, String locale) {

    /** The default span of a report: the last 30 days. */
    public static final Duration DEFAULT_SPAN = Duration.ofDays(30);

    public DateRange {
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    private static final Pattern LOCALE = Pattern.compile("[a-z]{2,3}(-[A-Za-z0-9]{2,8})?");
    private static final Duration MAX_SPAN = Duration.ofDays(3660);

    /**
     * The range a report request asks for. Each bound is an ISO date ({@code 2026-11-01}, whole days in
     * UTC, both ends inclusive) or an instant ({@code 2026-11-01T09:00:00Z}); {@code to} defaults to now and
     * {@code from} to 30 days before {@code to}.
     *
     * @throws InvalidRequestException {@code bad_from}, {@code bad_to}, {@code bad_range} or {@code bad_locale}
     */
    public static DateRange parse(String from, String to, String locale, Clock clock) {
        Instant end = blank(to) ? clock.instant() : bound(to, "to", true);
        Instant start = blank(from) ? end.minus(DEFAULT_SPAN) : bound(from, "from", false);
        if (!start.isBefore(end)) {
            throw new InvalidRequestException("bad_range", "from must be before to");
        }
        if (Duration.between(start, end).compareTo(MAX_SPAN) > 0) {
            throw new InvalidRequestException("bad_range", "a report covers at most 10 years");
        }
        String chosen = blank(locale) ? null : locale.strip();
        if (chosen != null && !LOCALE.matcher(chosen).matches()) {
            throw new InvalidRequestException("bad_locale", "locale must look like ja or en");
        }
        return new DateRange(start, end, chosen);
    }

    /** A date's start (or, for {@code to}, the start of the next day, so the date is included), or an instant. */
    private static Instant bound(String raw, String name, boolean end) {
        String value = raw.strip();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("bad_" + name,
                    name + " must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z)");
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
