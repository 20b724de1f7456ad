package dev.kotae.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The JSON mapper of every response and request body: ISO dates, no timestamps; a body with anything after
 * its one JSON value ({@code {...} {...}}, {@code {...}]}) is refused, not read up to the first value; a
 * yes/no field takes JSON's {@code true} or {@code false} only ({@code "helpful": 2} or {@code "yes"} is a
 * 400, where Jackson would read any number but 0 as true); a text field a JSON string only and a whole
 * number a JSON integer only; a name given twice in one object is refused (which one counts would be
 * Jackson's choice, not the sender's).
 */
public final class JsonMapper {
    public static final ObjectMapper INSTANCE = create();

    private JsonMapper() {}

    private static ObjectMapper create() {
        ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
        // A text field takes a JSON string only ({"title": 1e400} was stored as "1e400"), a whole number a
        // JSON integer only ({"rank": "1"} and {"rank": 1.5} were read as 1).
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        return mapper;
    }
}
