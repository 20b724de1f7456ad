package dev.kotae.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class WidgetResponseTest {

    @Test
    void errorUsesTheServersShapeAndEscapesTheMessage() {
        WidgetResponse response = WidgetResponse.error(429, "rate_limited", "wait \"a\" bit\n");
        assertEquals(429, response.status());
        assertEquals("application/json", response.contentType());
        assertEquals("{\"error\":{\"code\":\"rate_limited\",\"message\":\"wait \\\"a\\\" bit\\u000a\"}}",
                response.body());
        assertEquals(WidgetResponse.error(400, "bad_request", "q is required"),
                WidgetResponse.badRequest("q is required"));
    }

    @Test
    void anErrorIsA4xxOr5xx() {
        assertThrows(IllegalArgumentException.class, () -> WidgetResponse.error(200, "ok", "fine"));
        assertThrows(IllegalArgumentException.class, () -> WidgetResponse.error(302, "moved", "elsewhere"));
    }

    @Test
    void theBuilderStartsFrom200JsonAndRefusesNonsense() {
        assertEquals(new WidgetResponse(200, "application/json", "{}"), WidgetResponse.builder().body("{}").build());
        assertEquals(new WidgetResponse(201, "text/plain", "made"),
                WidgetResponse.builder().status(201).contentType("text/plain").body("made").build());
        assertThrows(IllegalArgumentException.class, () -> WidgetResponse.builder().status(42).build());
        assertThrows(NullPointerException.class, () -> WidgetResponse.builder().body(null).build());
    }
}
