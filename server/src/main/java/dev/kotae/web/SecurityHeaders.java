package dev.kotae.web;

import dev.kotae.content.ImageSources;
import dev.kotae.http.BrowserCookies;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Headers every response carries: no MIME sniffing, no referrer leaks, a content security policy, and no
 * caching of answers that depend on who asked (an agent's search must not be served to the next
 * customer by a shared cache). Answers written outside Jersey get the same headers: errors from
 * {@link JettyErrorHandler}, anonymous searches and suggestions from {@link HotReads}.
 */
final class SecurityHeaders implements ContainerResponseFilter {

    /** The pages' policy where no image source besides this server is configured (error pages always). */
    static final String PAGE_POLICY = pagePolicy(ImageSources.none());
    /** Everything else is data, never a document to render. */
    static final String DATA_POLICY = "default-src 'none'; frame-ancestors 'none'";
    /** The headers whose value is the same for every answer. */
    static final Map<String, String> FIXED = Map.of("X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "strict-origin-when-cross-origin");

    /** Every answer may depend on who asked: shared caches keep one per token and cookie. */
    static final String VARY = "Authorization, Cookie";
    /** An anonymous caller's data: a cache may keep it, but asks again before using it. */
    static final String ANONYMOUS_DATA_CACHE = "no-cache";

    /** The header that carries the content security policy. */
    static final String POLICY_HEADER = "Content-Security-Policy";

    private final String pagePolicy;

    /** Pages allow images from {@code images} besides this server's own. */
    SecurityHeaders(ImageSources images) {
        this.pagePolicy = pagePolicy(images);
    }

    /**
     * The help-center pages load scripts, styles and images from this server only (and images from
     * {@code images}), with no inline script or style at all (JSON-LD data blocks are not scripts to the
     * browser), and may not be framed.
     */
    static String pagePolicy(ImageSources images) {
        String imageSources = String.join(" ",
                Stream.concat(Stream.of("'self'", "data:"), images.values().stream()).toList());
        return "default-src 'self'; script-src 'self'; style-src 'self'; img-src " + imageSources + "; "
                + "font-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; "
                + "object-src 'none'";
    }

    /** The content security policy of an answer written outside Jersey (no article images on it). */
    static String policy(boolean html) {
        return html ? PAGE_POLICY : DATA_POLICY;
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        FIXED.forEach(headers::putSingle);
        MediaType type = response.getMediaType(); // parsed from the headers on each call
        boolean html = type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE);
        // A resource that set its own policy (uploaded images: a sandbox) knows better than the default.
        if (!headers.containsKey(POLICY_HEADER)) {
            headers.putSingle(POLICY_HEADER, html ? pagePolicy : DATA_POLICY);
        }
        // getCookies() parses the Cookie header on each call: skip it when there is none.
        boolean personal = request.getHeaderString("Authorization") != null
                || (request.getHeaderString("Cookie") != null
                        && request.getCookies().containsKey(BrowserCookies.SESSION));
        boolean staticAsset = String.valueOf(headers.getFirst("Cache-Control")).startsWith("public");
        if (staticAsset) {
            // Scripts and styles are the same for everyone; they say so themselves.
        } else if (personal) {
            headers.putSingle("Cache-Control", "private, no-store");
        } else if (html) {
            // A page carries a CSRF token bound to this browser's cookie: never share it.
            headers.putSingle("Cache-Control", "private, no-cache");
        } else if (!headers.containsKey("Cache-Control")) {
            headers.putSingle("Cache-Control", ANONYMOUS_DATA_CACHE);
        }
        headers.putSingle("Vary", VARY);
    }
}
