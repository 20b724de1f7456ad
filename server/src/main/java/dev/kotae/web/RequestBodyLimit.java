package dev.kotae.web;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.handler.SizeLimitHandler;

/**
 * Refuses request bodies over {@code server.maxRequestBodyKilobytes} on every path, before anything
 * buffers them: Jetty's own {@link SizeLimitHandler}, outermost in the handler chain. Jersey reads a form
 * or JSON body whole before a resource (and its CSRF check) runs, so without this a few large posts could
 * fill the heap.
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
final class RequestBodyLimit extends SizeLimitHandler {

    RequestBodyLimit(long maxBytes, Handler handler) {
        super(maxBytes, -1);
        setHandler(handler);
    }
}
