package dev.kotae.analytics;

import dev.kotae.plugin.KotaeEvent;

/** An event as analytics records it: the event plugins see, and who it came from ({@link Requester}). */
public record RecordedEvent(KotaeEvent event, Requester requester) {

    public RecordedEvent {
        if (requester == null) {
            requester = Requester.UNKNOWN;
        }
    }

    /** An event whose requester is not known. */
    public static RecordedEvent of(KotaeEvent event) {
        return new RecordedEvent(event, Requester.UNKNOWN);
    }
}
