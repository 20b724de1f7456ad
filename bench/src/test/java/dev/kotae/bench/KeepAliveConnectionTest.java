package dev.kotae.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.sun.net.httpserver.HttpServer;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The load driver's HTTP client reads whole answers of every framing and keeps its connection. */
class KeepAliveConnectionTest {

    private HttpServer server;
    private final AtomicInteger connections = new AtomicInteger();

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/fixed", exchange -> {
            byte[] body = "{\"ok\": true}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/chunked", exchange -> {
            exchange.sendResponseHeaders(200, 0); // 0: chunked
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 50; i++) {
                    out.write(("chunk " + i + " 返金\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        server.createContext("/missing", exchange -> {
            exchange.sendResponseHeaders(404, -1); // -1: no body
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void readsFixedChunkedAndEmptyAnswersOnOneConnection() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        try (KeepAliveConnection connection = new KeepAliveConnection(base)) {
            for (int i = 0; i < 20; i++) {
                assertEquals(200, connection.get("/fixed"));
                assertEquals(200, connection.get("/chunked"));
                assertEquals(404, connection.get("/missing"));
            }
        }
    }
}
