package dev.kotae.analytics;

import dev.kotae.plugin.ClickEvent;
import dev.kotae.plugin.DeflectionEvent;
import dev.kotae.plugin.FeedbackEvent;
import dev.kotae.plugin.KotaeEvent;
import dev.kotae.plugin.SearchEvent;
import java.util.List;

/** The short names events go by in the API, logs and metrics. */
public final class EventNames {

    public static final String SEARCH = "search";
    public static final String CLICK = "click";
    public static final String FEEDBACK = "feedback";
    public static final String DEFLECTION = "deflection";
    public static final String VIEW = "view";

    /** Every name an event can have in the API, in the order the API lists them. */
    public static final List<String> ALL = List.of(SEARCH, CLICK, FEEDBACK, DEFLECTION, VIEW);

    private EventNames() {}

    public static String of(KotaeEvent event) {
        if (event instanceof SearchEvent) return SEARCH;
        if (event instanceof ClickEvent) return CLICK;
        if (event instanceof FeedbackEvent) return FEEDBACK;
        if (event instanceof DeflectionEvent) return DEFLECTION;
        if (event instanceof ArticleViewEvent) return VIEW;
        return "other";
    }
}
