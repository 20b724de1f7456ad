package com.example.kotae.hello;

import dev.kotae.plugin.EventListener;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.util.concurrent.atomic.AtomicLong;
import org.pf4j.Extension;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts searches and logs the ones that found nothing: the questions the help center has no answer for
 * yet.
 *
 * <p>The server calls {@link #onEvent} on a thread of this listener's own, one event at a time, after the
 * search has been answered, so slow work here never slows searching (but a listener that falls far behind
 * loses events).
 */
@Extension
public class SearchCounter implements EventListener {

    private static final Logger log = LoggerFactory.getLogger(SearchCounter.class);

    // Written on the listener's thread, read by stop() on another one.
    private final AtomicLong searches = new AtomicLong();
    private final AtomicLong withoutResults = new AtomicLong();

    @Override
    public void onEvent(KotaeEvent event) {
        // Clicks, feedback, deflections and event types added in later versions: not ours.
        if (!(event instanceof SearchEvent search)) {
            return;
        }
        searches.incrementAndGet();
        if (search.resultCount() == 0) {
            withoutResults.incrementAndGet();
            // Queries are what customers typed and may hold personal data: think before logging them in
            // production.
            log.info("hello-plugin: no results for \"{}\" (locale {}, from {})", search.query(),
                    search.locale() == null ? "all" : search.locale(), search.origin());
        }
    }

    /** Called once at shutdown. Events still queued may be delivered for a moment afterwards. */
    @Override
    public void stop() {
        log.info("hello-plugin: {} searches, {} without results", searches.get(), withoutResults.get());
    }
}
