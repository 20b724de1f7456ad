package dev.kotae.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies are read as typed: a wrong JSON type is refused, never converted. */
class JsonMapperTest {

    record Body(String title, List<String> tags, int rank, Integer page, boolean helpful) {}

    private static Body read(String json) throws JsonProcessingException {
        return JsonMapper.INSTANCE.readValue(json, Body.class);
    }

    @Test
    void theTypesAsDocumentedAreRead() throws JsonProcessingException {
        assertEquals(new Body("返金", List.of("a"), 3, 2, true),
                read("{\"title\":\"返金\",\"tags\":[\"a\"],\"rank\":3,\"page\":2,\"helpful\":true}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"title\":1e400}", "{\"title\":1}", "{\"title\":true}", "{\"tags\":[1e400]}",
            "{\"tags\":[true]}", "{\"rank\":\"1\"}", "{\"rank\":\"\"}", "{\"rank\":1.5}", "{\"page\":\"2\"}", "{\"helpful\":1}",
            "{\"helpful\":\"yes\"}", "{\"title\":\"a\",\"title\":\"b\"}", "{\"tags\":[\"a\"],\"rank\":1,\"rank\":2}"})
    void aWrongTypeIsRefused(String json) {
        assertThrows(JsonProcessingException.class, () -> read(json), json);
    }
}
