package dev.kotae.contact;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A webhook receiver on 127.0.0.1 for tests: answers every POST with the status a test sets (200 until
 * then) and keeps what it received, the accepted (2xx) posts apart from all of them.
 */
public final class WebhookStub implements AutoCloseable {

    /** One post: its headers (names in lower case, first values) and body. */
    public record Received(Map<String, String> headers, String body) {
        public JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + body, e);
            }
        }

        public String header(String name) {
            return headers.get(name.toLowerCase(java.util.Locale.ROOT));
        }
    }

    private final HttpServer server;
    private volatile int status = 200;
    private final List<Received> all = new CopyOnWriteArrayList<>();
    private final List<Received> accepted = new CopyOnWriteArrayList<>();

    public WebhookStub() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> headers = new java.util.HashMap<>();
            exchange.getRequestHeaders().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), values.get(0)));
            Received received = new Received(Map.copyOf(headers), body);
            int answer = status;
            all.add(received);
            if (answer >= 200 && answer < 300) {
                accepted.add(received);
            }
            byte[] reply = "{}".getBytes(StandardCharsets.UTF_8);
            if (answer >= 300 && answer < 400) {
                exchange.getResponseHeaders().add("Location", url().replace("/hook", "/moved")); // a client that follows posts again
            }
            exchange.sendResponseHeaders(answer, reply.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply);
            }
        });
        server.start();
    }

    /** Where to post, e.g. {@code http://127.0.0.1:40123/hook}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Answers every post from now on with {@code value}. */
    public void answer(int value) {
        status = value;
    }

    /** Every post received, answered or refused. */
    public List<Received> received() {
        return List.copyOf(all);
    }

    /** The posts answered 2xx. */
    public List<Received> accepted() {
        return List.copyOf(accepted);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
