package dev.kotae.web;

import dev.kotae.content.ContentFolder;
import dev.kotae.auth.AgentSessions;
import dev.kotae.auth.Caller;
import dev.kotae.http.BrowserCookies;
import java.util.List;
import java.util.function.Predicate;
import org.eclipse.jetty.http.HttpCookie;
import org.eclipse.jetty.http.HttpHeader;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Refuses request bodies over a per-route limit before anything buffers them: Jetty's own
 * {@link SizeLimitHandler}, outermost in the handler chain. Jersey reads a form or JSON body whole before
 * a resource (and its CSRF check) runs, so without this a few large posts could fill the heap.
 *
 * <p>The limits, first match wins:
 * <ul>
 *   <li>article writes, the editor pages' form posts ({@code /editor/...}) and the JSON API's
 *       {@code /api/v1/drafts...} and {@code /api/v1/articles} / {@code /api/v1/articles/{id}}: enough for
 *       an article file of {@link ContentFolder#MAX_FILE_BYTES} sent percent-encoded (Japanese text
 *       triples in size), see {@link #articleLimit};</li>
 *   <li>{@code /api/v1/media}: the image limit ({@code editor.maxImageKilobytes});</li>
 *   <li>everything else: {@code server.maxRequestBodyKilobytes} (votes, events, sign-in and widget posts
 *       are a few kilobytes at most).</li>
 * </ul>
 * The two large limits apply only to a request that carries credentials ({@link #mayWriteArticles}): an
 * {@code Authorization} header (a wrong token is refused by {@link AuthFilter} before any body is read)
 * or the session cookie of a signed-in editor. Anyone else gets the small limit on those routes too, so
 * an anonymous caller cannot make the server hold megabytes per request.
 *
 * <p>What callers see (Jetty 12.1's behaviour, checked by {@code RequestBodyLimitIT}):
 * <ul>
 *   <li>a declared {@code Content-Length} over the limit is answered 413 at once, without reading the
 *       body, through {@link JettyErrorHandler} (JSON, or the short page on help-center page routes), and
 *       the connection is closed;</li>
 *   <li>a body without a length (chunked) is read until it passes the limit; then the read fails with
 *       Jetty's 413 {@code HttpException}, which {@link ErrorMappers} turns into the same 413 answer, and
 *       the connection is closed, so the rest is never read.</li>
 * </ul>
 * Responses are not limited.
 */
final class RequestBodyLimit extends Handler.Wrapper {

    /** The editor pages' form posts and the API's article and draft writes (not an article's feedback). */
    static final Pattern ARTICLE_WRITES =
            Pattern.compile("/editor(/.*)?|/api/v1/drafts(/[^/]+)*|/api/v1/articles(/[^/]+)?");
    /** Image uploads. */
    static final Pattern IMAGE_UPLOADS = Pattern.compile("/api/v1/media/?");

    /** The paths a limit applies to, and the Jetty handler that enforces its size. */
    private record Route(Pattern paths, SizeLimitHandler limit) {}

    private final List<Route> routes;
    private final Route otherwise;
    private final Predicate<Request> mayWriteArticles;

    /**
     * @param maxBytes the limit of every route not named below
     * @param maxImageBytes the limit of image uploads
     * @param sessions the signed-in sessions, to tell an editor's session cookie from any other
     */
    RequestBodyLimit(long maxBytes, long maxImageBytes, AgentSessions sessions, Handler handler) {
        this.routes = List.of(route(ARTICLE_WRITES, Math.max(maxBytes, articleLimit())),
                route(IMAGE_UPLOADS, maxImageBytes));
        this.otherwise = route(null, maxBytes);
        this.mayWriteArticles = request -> mayWriteArticles(request, sessions);
        setHandler(handler);
    }

    /**
     * Whether a request carries credentials that may write articles: any {@code Authorization} header
     * (checked by {@link AuthFilter}, which refuses a wrong one before the body is read), or the session
     * cookie of a signed-in editor or admin.
     */
    static boolean mayWriteArticles(Request request, AgentSessions sessions) {
        if (request.getHeaders().get(HttpHeader.AUTHORIZATION) != null) {
            return true;
        }
        for (HttpCookie cookie : Request.getCookies(request)) {
            if (BrowserCookies.SESSION.equals(cookie.getName())
                    && sessions.caller(cookie.getValue()).map(Caller::canEdit).orElse(false)) {
                return true;
            }
        }
        return false;
    }

    /**
     * An article file may be {@link ContentFolder#MAX_FILE_BYTES}; sent form-urlencoded, each byte of
     * non-ASCII text becomes three ({@code %E3}), plus room for the other fields.
     */
    static long articleLimit() {
        return 3 * ContentFolder.MAX_FILE_BYTES + 64 * 1024;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Route route = routeFor(Request.getPathInContext(request));
        if (route != otherwise && !mayWriteArticles.test(request)) {
            route = otherwise;
        }
        return route.limit().handle(request, response, callback);
    }

    /** The limits are beans of this handler, not its children: they learn the server from it. */
    @Override
    public void setServer(Server server) {
        super.setServer(server);
        routes.forEach(route -> route.limit().setServer(server));
        otherwise.limit().setServer(server);
    }

    private Route routeFor(String path) {
        String resolved = path == null ? "" : path;
        for (Route route : routes) {
            if (route.paths().matcher(resolved).matches()) {
                return route;
            }
        }
        return otherwise;
    }

    /**
     * A route whose {@link SizeLimitHandler} hands what it lets through to this handler's own child. It
     * does not own the child (this wrapper starts and stops it), so the chain has one owner however many
     * limits there are.
     */
    private Route route(Pattern paths, long maxBytes) {
        SizeLimitHandler limit = new SizeLimitHandler(maxBytes, -1);
        limit.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Handler next = RequestBodyLimit.this.getHandler();
                return next != null && next.handle(request, response, callback);
            }
        });
        addBean(limit);
        return new Route(paths, limit);
    }
}
