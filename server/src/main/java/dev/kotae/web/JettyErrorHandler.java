package dev.kotae.web;

import dev.kotae.http.ApiError;
import jakarta.ws.rs.core.MediaType;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MimeTypes;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The error answers Jetty writes itself, outside JAX-RS (malformed URLs, oversized URLs or headers, a
 * search turned away by {@link SearchAdmission}, ...), without stack traces: the API's JSON error for the
 * API, operations, widget and asset paths, and for help-center pages, which browsers ask for, a short static page in
 * Japanese and English (the site's own error pages are never JSON, and the visitor's language is only
 * known inside the site).
 */
final class JettyErrorHandler extends ErrorHandler {

    static final HttpField JSON = new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.APPLICATION_JSON_UTF_8.asString());
    private static final HttpField HTML = new HttpField(HttpHeader.CONTENT_TYPE, MimeTypes.Type.TEXT_HTML_UTF_8.asString());
    /** The error code of a search turned away ({@link SearchAdmission}); its page asks to try again. */
    static final String BUSY = "busy";
    /**
     * Read by programs and scripts, not shown as pages: the API, widget assets, the site's assets and
     * uploaded images.
     */
    private static final List<String> NOT_PAGE_PREFIXES = List.of("/api/", "/widgets/", "/assets/", "/media/");
    /**
     * The same for single paths: operations (OpsResource), the files for search engines, and the contact
     * page's suggestions, which its script reads.
     */
    private static final Set<String> NOT_PAGE_PATHS =
            Set.of("/healthz", "/readyz", "/metrics", "/robots.txt", "/sitemap.xml", "/contact/suggest");
    private static final String UNPARSED = "BAD";

    JettyErrorHandler() {
        setShowStacks(false);
        setShowCauses(false);
    }

    /**
     * Every method gets an error body. Jetty's default writes one only for GET, POST and HEAD, so a
     * {@code PATCH} or {@code PROPFIND} it refused (an ambiguous path, say) got an empty 400.
     */
    @Override
    public boolean errorPageForMethod(String method) {
        return true;
    }

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
            Callback callback) throws IOException {
        if (code == 500 && ErrorMappers.bodyStalled(cause)) {
            // A form's body read by Jersey before its filters and mappers (to look for form parameters):
            // the same 408 as a body that stalls later.
            response.setStatus(408);
            write(request, response, callback, ErrorMappers.stalledBody(request.getMethod(), request.getHttpURI().getPath()));
            return;
        }
        write(request, response, callback, ApiError.of(ApiError.codeFor(code), ApiError.messageFor(code)));
    }

    /** An answer Jetty writes before there is a request at all: the API's JSON. */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(JSON);
        protect(fields::put, false);
        return ByteBuffer.wrap(ApiError.of(ApiError.codeFor(status), ApiError.messageFor(status)).toJson());
    }

    /** Writes {@code error} as the body of the answer to {@code request}, whose status is already set. */
    static void write(Request request, Response response, Callback callback, ApiError error) {
        boolean page = isPage(request);
        response.getHeaders().put(page ? HTML : JSON);
        protect(response.getHeaders()::put, page);
        response.write(true, ByteBuffer.wrap(page ? page(error) : error.toJson()), callback);
    }

    /**
     * Whether a browser asked for a help-center page. A request Jetty could not parse (an oversized or
     * badly encoded URL) reaches here as Jetty's stand-in, method {@code BAD} on {@code /badMessage}: its
     * real path is unknown, so it gets the API's JSON (BadInputIT fails if that ever changes).
     */
    private static boolean isPage(Request request) {
        return !UNPARSED.equals(request.getMethod()) && isPagePath(Request.getPathInContext(request));
    }

    /**
     * Whether {@code path} (from the root, as sent) is a help-center page rather than something programs
     * read. Judged on the path as the server resolves it: {@code /widgets/../x} is {@code /x}.
     */
    static boolean isPagePath(String path) {
        String resolved = resolved(path);
        return !NOT_PAGE_PATHS.contains(resolved) && NOT_PAGE_PREFIXES.stream().noneMatch(resolved::startsWith);
    }

    /** {@code path} with {@code .} and {@code ..} segments (also percent-encoded ones) resolved. */
    private static String resolved(String path) {
        String decodedDots = path.replace("%2e", ".").replace("%2E", ".");
        if (!decodedDots.contains("/.")) {
            return path;
        }
        try {
            String normal = URI.create(decodedDots).normalize().getRawPath();
            return normal == null ? path : normal;
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    /**
     * {@code error} as the answer to a request for {@code path}: the API's JSON, or for a help-center page
     * the short static page. For errors found in Jersey before any resource runs.
     */
    static jakarta.ws.rs.core.Response answer(String path, int status, String code, String message) {
        return answer(path, status, ApiError.of(code, message));
    }

    /** {@link #answer(String, int, String, String)} for an error that may carry further properties. */
    static jakarta.ws.rs.core.Response answer(String path, int status, ApiError error) {
        return isPagePath(path)
                ? jakarta.ws.rs.core.Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("utf-8"))
                        .entity(page(error)).build()
                : jakarta.ws.rs.core.Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(error).build();
    }

    /**
     * Writes {@code error} with {@code status} as the answer to a servlet request for {@code path}: for
     * errors found in front of Jersey, shaped as {@link #answer} shapes them.
     */
    static void write(String path, jakarta.servlet.http.HttpServletResponse response, int status, ApiError error)
            throws IOException {
        boolean page = isPagePath(path);
        response.setStatus(status);
        response.setContentType(page ? HTML.getValue() : JSON.getValue());
        protect(response::setHeader, page);
        response.setHeader(HttpHeader.CACHE_CONTROL.asString(), "no-cache");
        byte[] body = page ? page(error) : error.toJson();
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /**
     * The security headers every answer carries ({@link SecurityHeaders}), for the answers written here,
     * which Jersey's filters never see.
     */
    private static void protect(BiConsumer<String, String> header, boolean page) {
        SecurityHeaders.FIXED.forEach(header);
        header.accept(SecurityHeaders.POLICY_HEADER, SecurityHeaders.policy(page));
    }

    /** Fixed text only: nothing from the request reaches the page, so nothing needs escaping. */
    private static byte[] page(ApiError error) {
        boolean busy = error.error().code().equals(BUSY);
        String title = busy ? "混み合っています / Busy" : "表示できません / Cannot be shown";
        String body = busy
                ? "<h1>ただいま検索が混み合っています</h1><p>少し待ってから、<a href=\"\">もう一度お試しください</a>。</p>"
                        + "<h1 lang=\"en\">Too many searches at once</h1>"
                        + "<p lang=\"en\">Please <a href=\"\">try again</a> in a moment.</p>"
                : "<h1>このページを表示できませんでした</h1><p><a href=\"/\">トップページへ</a></p>"
                        + "<h1 lang=\"en\">This page cannot be shown</h1>"
                        + "<p lang=\"en\"><a href=\"/\">Go to the help center's home page</a></p>";
        return ("<!doctype html><html lang=\"ja\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + title + "</title></head><body>" + body
                + "</body></html>").getBytes(StandardCharsets.UTF_8);
    }
}
