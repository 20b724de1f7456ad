package dev.kotae.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.Fields;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * The yardstick over HTTP: {@link PlainLucene}'s top 10 behind a bare Jetty handler (no servlets, JAX-RS,
 * filters, facets, snippets or recording), answering {@code GET /search?q=…&locale=…} with the hits as a
 * JSON array. It runs in the bench JVM, beside the load driver, and is driven by the same
 * {@link HttpLoad} as the real server, so its figures are the floor the same machine and driver allow:
 * what any server built on Jetty and Lucene could at best reach with these queries.
 */
final class PlainLuceneHttp implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Server server;
    private final URI base;

    private PlainLuceneHttp(Server server, URI base) {
        this.server = server;
        this.base = base;
    }

    /** Serves {@code plain} on an ephemeral port of 127.0.0.1. */
    static PlainLuceneHttp start(PlainLucene plain) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(64, 4);
        threads.setName("plain-http");
        Server server = new Server(threads);
        ServerConnector connector = new ServerConnector(server);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);
        server.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) throws Exception {
                Fields query = Request.extractQueryParameters(request);
                String q = query.getValue("q");
                String locale = query.getValue("locale");
                if (!"/search".equals(Request.getPathInContext(request)) || q == null || locale == null) {
                    Response.writeError(request, response, callback, HttpStatus.NOT_FOUND_404);
                    return true;
                }
                List<String> hits = plain.search(q, locale);
                response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
                response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(hits)), callback);
                return true;
            }
        });
        server.start();
        return new PlainLuceneHttp(server, URI.create("http://127.0.0.1:" + connector.getLocalPort() + "/"));
    }

    URI base() {
        return base;
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
