package dev.kotae.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kotae.http.JsonMapper;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SuggestService;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes the two answers served most often, search results and suggestions, with a writer made once for
 * the type. Jersey's Jackson provider looks its writer up per request (an LRU map keyed by type and
 * annotations) and configures a new one; the JSON is the same, from the same mapper. Typed to the
 * record, so Jersey prefers it to the provider for {@code Object}.
 */
@Produces(MediaType.APPLICATION_JSON)
abstract class HotJsonWriter<T> implements MessageBodyWriter<T> {

    private final Class<T> type;
    private final ObjectWriter writer;

    HotJsonWriter(Class<T> type) {
        this.type = type;
        this.writer = writer(type);
    }

    /** The writer of {@code type}'s answers, for Jersey here and for {@link HotReads}. */
    static ObjectWriter writer(Class<?> type) {
        // Jersey closes the entity stream itself, and sends what is left then. A flush from the generator
        // would make Jetty send what it holds so far and the rest in another write.
        return JsonMapper.INSTANCE.writerFor(type)
                .without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).without(JsonGenerator.Feature.FLUSH_PASSED_TO_STREAM);
    }

    @Override
    public boolean isWriteable(Class<?> given, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return given == type && MediaType.APPLICATION_JSON_TYPE.isCompatible(mediaType);
    }

    @Override
    public void writeTo(T value, Class<?> given, Type genericType, Annotation[] annotations, MediaType mediaType,
            MultivaluedMap<String, Object> headers, OutputStream out) throws IOException {
        writer.writeValue(out, value);
    }

    /** {@code /api/v1/search}. */
    static final class Search extends HotJsonWriter<SearchResult> {
        Search() {
            super(SearchResult.class);
        }
    }

    /** {@code /api/v1/suggest}. */
    static final class Suggest extends HotJsonWriter<SuggestService.Suggestions> {
        Suggest() {
            super(SuggestService.Suggestions.class);
        }
    }
}
