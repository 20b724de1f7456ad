package dev.kotae.analytics;

import dev.kotae.util.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
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

    /** Like {@link #parse(String, String, String, Clock, ZoneId)} with dates in UTC. */
    public static DateRange parse(String from, String to, String locale, Clock clock) {
        return parse(from, to, locale, clock, ZoneOffset.UTC);
    }

    /**
     * The range a report request asks for. Each bound is an ISO date ({@code 2026-11-01}, whole days in
     * {@code zone}, both ends inclusive) or an instant ({@code 2026-11-01T09:00:00Z}); {@code to} defaults to
     * now and {@code from} to 30 days before {@code to}.
     *
     * @throws InvalidRequestException {@code bad_from}, {@code bad_to}, {@code bad_range} or {@code bad_locale}
     */
    public static DateRange parse(String from, String to, String locale, Clock clock, ZoneId zone) {
        Instant end = blank(to) ? clock.instant() : bound(to, "to", true, zone);
        Instant start = blank(from) ? end.minus(DEFAULT_SPAN) : bound(from, "from", false, zone);
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
    private static Instant bound(String raw, String name, boolean end, ZoneId zone) {
        String value = raw.strip();
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (end ? date.plusDays(1) : date).atStartOfDay(zone).toInstant();
            }
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException("bad_" + name,
                    name + " must be a date (2026-11-01) or an instant (2026-11-01T09:00:00Z)");
        }
    }

    /**
     * The two weeks a week-over-week change compares, in {@code zone}: the seven days up to this range's end
     * ({@link Weeks#current}) and the seven days before them ({@link Weeks#previous}). Days are calendar
     * days, so a week across a daylight-saving change is 167 or 169 hours.
     */
    public Weeks weeks(ZoneId zone) {
        java.time.ZonedDateTime end = to.atZone(zone);
        Instant middle = end.minusDays(7).toInstant();
        Instant start = end.minusDays(14).toInstant();
        return new Weeks(new DateRange(start, middle, locale), new DateRange(middle, to, locale));
    }

    /** The week before and the week up to a report's end. */
    public record Weeks(DateRange previous, DateRange current) {

        /** From the start of the previous week to the end of the current one. */
        public DateRange both() {
            return new DateRange(previous.from(), current.to(), current.locale());
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
