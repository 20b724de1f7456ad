package dev.kotae.web;

import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kotae.auth.Caller;
import dev.kotae.http.ApiException;
import dev.kotae.http.BrowserCookies;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.search.SearchResult;
import dev.kotae.search.SuggestService;
import dev.kotae.util.InvalidRequestException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.LongAdder;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpMethod;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;

/**
 * Answers the two requests a help center gets most, an anonymous visitor's search and suggestion
 * ({@code GET /api/v1/search}, {@code GET /api/v1/suggest}), on Jetty directly: the answer Jersey gives,
 * status, headers and body, through the same {@link SearchResource} methods, without the servlet layer and
 * Jersey's per-request machinery (request scope, routing, injection, filters), which took about a quarter
 * of such a search's server CPU (docs/benchmarks.md, stop 44).
 *
 * <p>Only a plain request is answered here; any other goes on to Jersey and its filters unchanged: a caller
 * who may be signed in (an {@code Authorization} header, the session cookie), a cross-origin request
 * ({@code Origin}), one that declares a body ({@code Content-Type}), an {@code Accept} other than none,
 * {@code *}{@code /*} or {@code application/json}, a URL whose query does not decode as UTF-8, and a
 * parameter that is not valid (refused before anything is searched or recorded; Jersey then answers it
 * with the API's 400). So nothing about who may see what is decided here: an anonymous caller's audience
 * is the public one.
 *
 * <p>The contract with the Jersey side: a filter that acts on an anonymous API read (refuses it, adds a
 * header) must also be a reason to go on to Jersey here, or be added to the answer here. {@code HotReadsIT}
 * checks that both ways give the same answers for the requests it sends.
 */
final class HotReads extends Handler.Wrapper {

    private static final Set<String> PLAIN_ACCEPT = Set.of("*/*", "application/json");

    private final SearchResource resource;
    private final ObjectWriter searchAnswer = HotJsonWriter.writer(SearchResult.class);
    private final ObjectWriter suggestAnswer = HotJsonWriter.writer(SuggestService.Suggestions.class);
    private final LongAdder answered = new LongAdder();

    HotReads(Handler jersey, SearchResource resource, KotaeMetrics metrics) {
        super(jersey);
        this.resource = resource;
        metrics.counter("kotae_http_direct_answers",
                "Anonymous searches and suggestions answered without Jersey (HotReads); the others go through it",
                answered::sum);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = request.getHttpURI().getPath();
        boolean search = SearchResource.SEARCH.equals(path);
        if (!(search || SearchResource.SUGGEST.equals(path)) || !isPlain(request)) {
            return super.handle(request, response, callback);
        }
        Fields parameters = Request.extractQueryParameters(request, StandardCharsets.UTF_8);
        byte[] body;
        try {
            body = search ? searchAnswer.writeValueAsBytes(search(request, parameters))
                    : suggestAnswer.writeValueAsBytes(resource.suggest(parameters.getValue("q"),
                            parameters.getValue("locale"), parameters.getValue("size"), Caller.ANONYMOUS));
        } catch (ApiException | InvalidRequestException e) {
            // Thrown before anything was searched or recorded: Jersey answers it as it answers any bad request.
            return super.handle(request, response, callback);
        }
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, "application/json");
        SecurityHeaders.FIXED.forEach(headers::put);
        headers.put(SecurityHeaders.POLICY_HEADER, SecurityHeaders.policy(false));
        headers.put(HttpHeader.CACHE_CONTROL, SecurityHeaders.ANONYMOUS_DATA_CACHE);
        headers.put(HttpHeader.VARY, SecurityHeaders.VARY);
        headers.put(HttpHeader.CONTENT_LENGTH, body.length);
        answered.increment();
        response.write(true, ByteBuffer.wrap(body), callback);
        return true;
    }

    private SearchResult search(Request request, Fields parameters) throws IOException {
        SearchResource.Query query = new SearchResource.Query(parameters.getValue("q"), parameters.getValue("locale"),
                parameters.getValue("type"), parameters.getValue("category"), parameters.getValue("tag"),
                parameters.getValue("page"), parameters.getValue("size"));
        HttpFields headers = request.getHeaders();
        return resource.search(query, headers.get(Sessions.HEADER), Caller.ANONYMOUS,
                resource.anonymousRequester(Request.getRemoteAddr(request), headers::get));
    }

    /** A request Jersey would answer as an anonymous caller's, with nothing for its filters to refuse or add. */
    private static boolean isPlain(Request request) {
        HttpFields headers = request.getHeaders();
        if (!HttpMethod.GET.is(request.getMethod()) || headers.contains(HttpHeader.AUTHORIZATION)
                || headers.contains(HttpHeader.ORIGIN) || headers.contains(HttpHeader.CONTENT_TYPE)
                || headers.contains(HttpHeader.CONTENT_ENCODING)) {
            return false;
        }
        String accept = headers.get(HttpHeader.ACCEPT);
        if (accept != null && (!PLAIN_ACCEPT.contains(accept) || headers.getValuesList(HttpHeader.ACCEPT).size() > 1)) {
            return false;
        }
        // Any mention of the session cookie's name: Jersey decides whether it is one.
        if (headers.getValuesList(HttpHeader.COOKIE).stream().anyMatch(cookies -> cookies.contains(BrowserCookies.SESSION))) {
            return false;
        }
        String query = request.getHttpURI().getQuery();
        return query == null || StrictEncodingFilter.decodesCleanly(query);
    }
}
