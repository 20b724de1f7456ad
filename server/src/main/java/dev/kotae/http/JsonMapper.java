package dev.kotae.http;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper of every response and request body: ISO dates, no timestamps; a body with anything after
 * its one JSON value ({@code {...} {...}}, {@code {...}]}) is refused, not read up to the first value.
 */
public final class JsonMapper {
    public static final ObjectMapper INSTANCE = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonMapper() {}
}
