package dev.kotae.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApiErrorTest {

    @Test
    void anErrorIsCodeAndMessageOnly() {
        assertEquals("{\"error\":{\"code\":\"not_found\",\"message\":\"article not found\"}}",
                new String(ApiError.of("not_found", "article not found").toJson(), StandardCharsets.UTF_8));
    }

    /** Details sit beside code and message, in order, and absent ones are left out. */
    @Test
    void detailsAreFurtherPropertiesOfTheErrorItself() {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("currentVersion", "abc");
        details.put("diff", null);
        details.put("field", "title");
        assertEquals("{\"error\":{\"code\":\"edit_conflict\",\"message\":\"m\",\"currentVersion\":\"abc\",\"field\":\"title\"}}",
                new String(ApiError.of("edit_conflict", "m", details).toJson(), StandardCharsets.UTF_8));
    }
}
