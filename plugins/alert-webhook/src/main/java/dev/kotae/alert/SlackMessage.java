package dev.kotae.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kotae.alert.SpikeDetector.Alert;
import dev.kotae.alert.SpikeDetector.QueryCount;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * An alert as a Slack incoming-webhook message, {@code {"text": "...", "blocks": [...]}}: {@code text} is
 * the notification and the fallback for clients without blocks, the blocks say the same with the top
 * queries and a link to the analytics dashboard. Other chat tools that accept Slack's format (Mattermost,
 * Rocket.Chat, Discord's {@code /slack} endpoint) show it too.
 *
 * <p>Queries are typed by anyone, so every piece of one is escaped for Slack's mrkdwn ({@code &}, {@code <},
 * {@code >}: no links, no {@code <!channel>} mentions) and cut to {@value #MAX_QUERY_LENGTH} characters.
 * The dashboard link's query parameter is URL-encoded.
 */
final class SlackMessage {

    static final int MAX_QUERY_LENGTH = 80;
    private static final ObjectMapper JSON = new ObjectMapper();

    private SlackMessage() {}

    /** The message's JSON; {@code dashboardUrl} may be {@code null} (no link). */
    static String json(Alert alert, String dashboardUrl) {
        String term = "\u201c" + escape(cut(alert.term())) + "\u201d";
        String window = human(alert.window());
        String baselineSpan = human(alert.window().multipliedBy(alert.baselineWindows()));
        String ratio = Double.isInfinite(alert.ratio()) ? "new: no searches in the baseline"
                : String.format(Locale.ROOT, "%.1f\u00d7 the baseline", alert.ratio());
        String baseline = String.format(Locale.ROOT, "%.1f \u00b1 %.1f per %s over the previous %s",
                alert.mean(), alert.sd(), window, baselineSpan);

        String text = String.format(Locale.ROOT, "Search spike: %s searched %d times in the last %s (baseline %.1f, %s)",
                term, alert.count(), window, alert.mean(), ratio);

        ObjectNode root = JSON.createObjectNode();
        root.put("text", text);
        ArrayNode blocks = root.putArray("blocks");
        section(blocks, ":chart_with_upwards_trend: *Search spike:* " + term);
        ObjectNode facts = blocks.addObject();
        facts.put("type", "section");
        ArrayNode fields = facts.putArray("fields");
        mrkdwn(fields.addObject(), "*Last " + window + "*\n" + alert.count() + " searches");
        mrkdwn(fields.addObject(), "*Baseline*\n" + baseline);
        mrkdwn(fields.addObject(), "*Rise*\n" + ratio);

        if (!alert.topQueries().isEmpty()) {
            StringBuilder top = new StringBuilder("*Top queries in the window*");
            for (QueryCount q : alert.topQueries()) {
                top.append("\n\u2022 ").append(escape(cut(q.query()))).append(" \u2014 ").append(q.count());
            }
            section(blocks, top.toString());
        }
        StringBuilder context = new StringBuilder();
        if (dashboardUrl != null) {
            context.append('<').append(dashboardLink(dashboardUrl, alert.term())).append("|Open in analytics>");
        }
        if (!alert.alsoRising().isEmpty()) {
            context.append(context.length() > 0 ? "  \u00b7  " : "").append("Also rising: ");
            context.append(String.join(", ", alert.alsoRising().stream().map(t -> escape(cut(t))).toList()));
        }
        if (context.length() > 0) {
            ObjectNode block = blocks.addObject();
            block.put("type", "context");
            mrkdwn(block.putArray("elements").addObject(), context.toString());
        }
        try {
            return JSON.writeValueAsString(root);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Slack's mrkdwn escaping: the three characters that start links, mentions and entities. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** {@code dashboardUrl?q=term}, or {@code &q=} when the URL already has a query. */
    static String dashboardLink(String dashboardUrl, String term) {
        // URLEncoder leaves no '|' or '>' that would end Slack's <url|label>.
        return dashboardUrl + (dashboardUrl.contains("?") ? "&" : "?") + "q="
                + URLEncoder.encode(term, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** "10 min", "2 h", "90 s". */
    static String human(Duration d) {
        long s = d.toSeconds();
        if (s % 3600 == 0) {
            return s / 3600 + " h";
        }
        if (s % 60 == 0) {
            return s / 60 + " min";
        }
        return s + " s";
    }

    private static String cut(String text) {
        if (text.codePointCount(0, text.length()) <= MAX_QUERY_LENGTH) {
            return text;
        }
        return text.substring(0, text.offsetByCodePoints(0, MAX_QUERY_LENGTH - 1)) + "\u2026";
    }

    private static void section(ArrayNode blocks, String mrkdwn) {
        ObjectNode block = blocks.addObject();
        block.put("type", "section");
        mrkdwn(block.putObject("text"), mrkdwn);
    }

    private static void mrkdwn(ObjectNode node, String text) {
        node.put("type", "mrkdwn");
        node.put("text", text);
    }
}
