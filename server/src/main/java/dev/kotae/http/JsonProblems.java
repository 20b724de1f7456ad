package dev.kotae.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.util.stream.Collectors;

/**
 * What was wrong with a JSON request body, said for the caller: the field and the kind of problem, never
 * Jackson's own wording where that names our Java types or its settings
 * ({@code Cannot deserialize value of type `dev.kotae.web.EventResource$EventRequest`},
 * {@code StreamReadConstraints.getMaxNestingDepth()}).
 */
public final class JsonProblems {

    private JsonProblems() {}

    /** A message for {@code e}, safe to send back. */
    public static String describe(JsonProcessingException e) {
        if (e instanceof StreamConstraintsException) {
            return "the JSON is nested too deeply or a value in it is too long";
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            return "unknown field '" + unknown.getPropertyName() + "'";
        }
        if (e.getOriginalMessage() != null && e.getOriginalMessage().startsWith("Trailing token")) {
            return "nothing may follow the JSON value";
        }
        if (e instanceof JsonMappingException mapping) {
            String field = mapping.getPath().stream()
                    .map(reference -> reference.getFieldName() != null ? reference.getFieldName()
                            : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return field.isEmpty() ? "the body is not a JSON object of the documented shape"
                    : "field '" + field + "' has the wrong type or value";
        }
        // A syntax error: Jackson says where and what it expected, in JSON's terms.
        return e.getOriginalMessage();
    }
}
