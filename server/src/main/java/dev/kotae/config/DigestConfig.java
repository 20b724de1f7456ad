package dev.kotae.config;

import java.net.URI;
import java.time.DayOfWeek;
import java.util.Locale;

/**
 * The weekly KPI digest ({@code analytics.digest}): where it is posted, in which shape, when (a day of the
 * week and an hour, in the analytics time zone), and the target each figure is measured against.
 *
 * @param webhookUrl where the digest is posted ({@code http} or {@code https}), or {@code null}: no digest
 * @param format {@link Format#SLACK} (a Slack-compatible {@code {"text": ...}}) or {@link Format#JSON}
 * @param day the day of the week it is posted on, for the seven days before that day
 * @param hour the hour of that day (0-23) from which it is posted
 * @param targets the targets; a figure without one is reported without a verdict
 */
public record DigestConfig(URI webhookUrl, Format format, DayOfWeek day, int hour, Targets targets) {

    /** The shape of the posted body. */
    public enum Format {
        /** {@code {"text": "..."}}: what Slack's (and Mattermost's, Teams' workflow) incoming webhooks take. */
        SLACK,
        /** The figures as JSON fields, for a program to read. */
        JSON;

        static Format parse(String value) {
            return switch (value.strip().toLowerCase(Locale.ROOT)) {
                case "slack" -> SLACK;
                case "json" -> JSON;
                default -> throw new IllegalArgumentException("analytics.digest.format must be slack or json (got '"
                        + value + "')");
            };
        }
    }

    /**
     * What each figure should be; {@code null} for no target.
     *
     * @param zeroResultRate the highest acceptable share of searches that found nothing (0-1)
     * @param helpfulRate the lowest acceptable share of helpful votes (0-1)
     * @param deflectionRate the lowest acceptable share of solved among solved and submitted (0-1)
     * @param contactVolume the most requests sent to a person in a week that is acceptable
     */
    public record Targets(Double zeroResultRate, Double helpfulRate, Double deflectionRate, Long contactVolume) {

        public Targets {
            ratio("zeroResultRate", zeroResultRate);
            ratio("helpfulRate", helpfulRate);
            ratio("deflectionRate", deflectionRate);
            if (contactVolume != null && contactVolume < 0) {
                throw new IllegalArgumentException("analytics.digest.targets.contactVolume must be 0 or more");
            }
        }

        public static Targets none() {
            return new Targets(null, null, null, null);
        }

        private static void ratio(String name, Double value) {
            if (value != null && (value.isNaN() || value < 0 || value > 1)) {
                throw new IllegalArgumentException("analytics.digest.targets." + name + " must be between 0 and 1");
            }
        }
    }

    public static final DayOfWeek DEFAULT_DAY = DayOfWeek.MONDAY;
    public static final int DEFAULT_HOUR = 9;

    public DigestConfig {
        if (format == null) {
            format = Format.SLACK;
        }
        if (day == null) {
            day = DEFAULT_DAY;
        }
        if (targets == null) {
            targets = Targets.none();
        }
        if (hour < 0 || hour > 23) {
            throw new IllegalArgumentException("analytics.digest.hour must be 0-23");
        }
        if (webhookUrl != null && !("http".equals(webhookUrl.getScheme()) || "https".equals(webhookUrl.getScheme()))) {
            throw new IllegalArgumentException("analytics.digest.webhookUrl must be an http or https URL");
        }
    }

    /** No webhook: nothing is posted, on schedule or on demand. */
    public static DigestConfig off() {
        return new DigestConfig(null, Format.SLACK, DEFAULT_DAY, DEFAULT_HOUR, Targets.none());
    }

    /** Whether there is somewhere to post. */
    public boolean enabled() {
        return webhookUrl != null;
    }

    /** The settings as read from YAML; any may be missing. */
    static DigestConfig of(String webhookUrl, String format, String day, Integer hour, Targets targets) {
        DayOfWeek chosenDay;
        try {
            chosenDay = day == null ? DEFAULT_DAY : DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analytics.digest.day must be a day of the week such as monday (got '"
                    + day + "')");
        }
        URI url;
        try {
            url = webhookUrl == null || webhookUrl.isBlank() ? null : URI.create(webhookUrl.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("analytics.digest.webhookUrl is not a URL (got '" + webhookUrl + "')");
        }
        return new DigestConfig(url, format == null ? Format.SLACK : Format.parse(format), chosenDay,
                hour == null ? DEFAULT_HOUR : hour, targets);
    }

    @Override
    public String toString() {
        // A webhook URL is a secret (Slack's carries its token in the path): never logged.
        return "DigestConfig[webhook=" + (webhookUrl == null ? "none" : webhookUrl.getHost()) + ", format=" + format
                + ", day=" + day + ", hour=" + hour + ", targets=" + targets + "]";
    }
}
