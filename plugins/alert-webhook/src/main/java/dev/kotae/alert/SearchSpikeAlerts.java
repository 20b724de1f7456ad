package dev.kotae.alert;

import dev.kotae.plugin.EventListener;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.PluginContext;
import dev.kotae.plugin.SearchEvent;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches search events for a sudden rise in searches for one term ({@link SpikeDetector}) and posts a
 * Slack-compatible message about it ({@link SlackMessage}) to the configured webhook ({@link WebhookSender}).
 * Other event types are ignored.
 *
 * <p>{@link #onEvent} runs on the server's delivery thread for this listener and only counts; posting
 * happens on the sender's own thread, so a slow or failing webhook never holds up events.
 */
@Extension
public class SearchSpikeAlerts implements EventListener {

    private static final Logger LOG = LoggerFactory.getLogger(SearchSpikeAlerts.class);

    /** Everything {@link #start} sets up, published at once. */
    private record Started(SpikeDetector detector, WebhookSender sender, String dashboardUrl) {}

    private final Clock clock;
    private final WebhookSender.Sleeper sleeper;
    private volatile Started started;

    public SearchSpikeAlerts() {
        this(Clock.systemUTC(), duration -> Thread.sleep(duration.toMillis()));
    }

    /** For tests: the clock that marks the start of the warm-up, and how retries wait. */
    SearchSpikeAlerts(Clock clock, WebhookSender.Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    @Override
    public void start(PluginContext context) {
        AlertSettings settings = context.settings(AlertSettings.class);
        start(context.pluginId(), settings, WebhookSender.http(URI.create(settings.webhookUrl()),
                Duration.ofSeconds(settings.timeoutSeconds())));
    }

    /** Starts with a transport of the caller's (tests). */
    void start(String pluginId, AlertSettings settings, WebhookSender.Transport transport) {
        SpikeRule rule = settings.rule();
        WebhookSender sender = new WebhookSender(pluginId, transport, sleeper, clock, settings.retries(),
                Duration.ofSeconds(1), settings.queueSize());
        sender.start();
        started = new Started(new SpikeDetector(rule, clock.instant()), sender, settings.dashboardUrl());
        // The host and the rule, never the whole webhook URL: its path is the secret.
        LOG.info("{}: alerting {} when a term's searches in {} reach {} and {}x its baseline (quiet for the first {})",
                pluginId, URI.create(settings.webhookUrl()).getHost(), SlackMessage.human(rule.window()),
                rule.minCount(), rule.minRatio(), SlackMessage.human(rule.bucket().multipliedBy(rule.span())));
    }

    @Override
    public void stop() {
        Started s = started;
        started = null;
        if (s != null) {
            s.sender().stop();
        }
    }

    @Override
    public void onEvent(KotaeEvent event) {
        Started s = started;
        if (s == null || !(event instanceof SearchEvent search)) {
            return; // stopped (events may still arrive after stop), or not a search
        }
        s.detector().observe(search.at(), search.query()).ifPresent(alert -> {
            // The term is typed by anyone: no control characters (terminal escapes) into the log.
            LOG.info("alert-webhook: searches for \"{}\" spiked: {} in {} against a baseline of {}",
                    alert.term().replaceAll("\\p{Cc}", "?"), alert.count(), SlackMessage.human(alert.window()),
                    String.format(java.util.Locale.ROOT, "%.1f", alert.mean()));
            s.sender().offer(SlackMessage.json(alert, s.dashboardUrl()));
        });
    }

    /** The sender, for tests. */
    WebhookSender sender() {
        Started s = started;
        return s == null ? null : s.sender();
    }
}
