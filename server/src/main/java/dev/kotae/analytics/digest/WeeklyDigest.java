package dev.kotae.analytics.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.DateRange;
import dev.kotae.config.DigestConfig;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One digest: the figures of a span of days (normally the seven days before the posting day), each with
 * its target and whether it was met.
 *
 * @param from the first day covered, in {@code zone}
 * @param to the last day covered (inclusive), in {@code zone}
 */
public record WeeklyDigest(LocalDate from, LocalDate to, ZoneId zone, AnalyticsReports.Kpis kpis,
        List<Figure> figures) {

    /**
     * The digest's wording in one language: the text of a message key with its arguments filled in (the
     * site's message bundles, {@code digest.*}; given by the caller so that analytics needs no part of the site).
     */
    @FunctionalInterface
    public interface Texts {
        String text(String key, Object... args);
    }

    /** Which side of its target a figure should stay on. */
    public enum Goal {
        /** The figure should not exceed the target (zero-result rate, contact volume). */
        AT_MOST,
        /** The figure should reach the target (helpful rate, deflection rate). */
        AT_LEAST
    }

    /**
     * One KPI.
     *
     * @param name {@code zeroResultRate}, {@code helpfulRate}, {@code deflectionRate} or {@code contactVolume}
     * @param value the figure (a ratio 0-1, or a count for the volume), {@code null} when nothing was recorded
     * @param target its target, or {@code null} for none
     * @param met whether the figure is on the right side of its target; {@code null} without a target or a figure
     */
    public record Figure(String name, Double value, Double target, Goal goal, Boolean met) {

        static Figure of(String name, Double value, Double target, Goal goal) {
            Boolean met = value == null || target == null ? null
                    : goal == Goal.AT_MOST ? value <= target : value >= target;
            return new Figure(name, value, target, goal, met);
        }

        /** Whether this is a count rather than a ratio. */
        boolean count() {
            return name.equals("contactVolume");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /** The digest of {@code kpis}, whose range covers whole days in {@code zone}, against {@code targets}. */
    public static WeeklyDigest of(AnalyticsReports.Kpis kpis, ZoneId zone, DigestConfig.Targets targets) {
        DateRange range = kpis.range();
        List<Figure> figures = new ArrayList<>();
        figures.add(Figure.of("zeroResultRate", kpis.zeroResultRate(), targets.zeroResultRate(), Goal.AT_MOST));
        figures.add(Figure.of("helpfulRate", kpis.helpfulRate(), targets.helpfulRate(), Goal.AT_LEAST));
        figures.add(Figure.of("deflectionRate", kpis.deflectionRate(), targets.deflectionRate(), Goal.AT_LEAST));
        figures.add(Figure.of("contactVolume", (double) kpis.contactVolume(),
                targets.contactVolume() == null ? null : targets.contactVolume().doubleValue(), Goal.AT_MOST));
        return new WeeklyDigest(range.from().atZone(zone).toLocalDate(),
                range.to().minusNanos(1).atZone(zone).toLocalDate(), zone, kpis, List.copyOf(figures));
    }

    /** The figures that missed their targets. */
    public List<Figure> missed() {
        return figures.stream().filter(f -> Boolean.FALSE.equals(f.met())).toList();
    }

    /**
     * What is posted: for {@link DigestConfig.Format#SLACK} {@code {"text": ...}} in the words of
     * {@code texts} (the help center's language), one line a figure, a missed target marked; for
     * {@link DigestConfig.Format#JSON} the figures as fields (see docs/openapi.yaml, {@code WeeklyDigest}).
     */
    public String body(DigestConfig.Format format, Texts texts) {
        try {
            if (format == DigestConfig.Format.JSON) {
                return JSON.writeValueAsString(json());
            }
            return JSON.writeValueAsString(Map.of("text", text(texts)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a digest is always JSON", e);
        }
    }

    /** The digest as the JSON format posts it and the API answers it. */
    public Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("timeZone", zone.getId());
        body.put("searches", kpis.searches());
        body.put("zeroResultSearches", kpis.zeroResultSearches());
        body.put("votes", kpis.votes());
        body.put("helpfulVotes", kpis.helpfulVotes());
        body.put("solved", kpis.solved());
        body.put("submitted", kpis.submitted());
        body.put("figures", figures);
        return body;
    }

    private String text(Texts messages) {
        StringBuilder text = new StringBuilder(messages.text("digest.title", from, to, zone.getId()));
        for (Figure figure : figures) {
            text.append('\n').append(Boolean.FALSE.equals(figure.met()) ? ":warning: " : "• ")
                    .append(messages.text("digest." + figure.name())).append(": ").append(shown(figure, figure.value()));
            if (figure.target() != null) {
                text.append(" (").append(messages.text(figure.goal() == Goal.AT_MOST ? "digest.atMost" : "digest.atLeast",
                        shown(figure, figure.target()))).append(')');
            }
            if (Boolean.FALSE.equals(figure.met())) {
                text.append(" — ").append(messages.text("digest.missed"));
            }
        }
        return text.toString();
    }

    private static String shown(Figure figure, Double value) {
        if (value == null) {
            return "–";
        }
        return figure.count() ? String.valueOf(Math.round(value))
                : String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
}
