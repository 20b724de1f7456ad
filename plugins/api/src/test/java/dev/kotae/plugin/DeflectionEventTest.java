package dev.kotae.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeflectionEventTest {

    @Test
    void aDeflectionEventIsBuiltByNameAndHappensNowByDefault() {
        Instant before = Instant.now();
        DeflectionEvent event = DeflectionEvent.builder("widget-x", DeflectionEvent.ANSWERED).sessionId("s-12345678")
                .query("返品").articleId("returns").build();
        assertEquals(new DeflectionEvent(event.at(), "s-12345678", "widget-x", "answered", "返品", "returns"), event);
        assertEquals(false, event.at().isBefore(before));
    }
}
