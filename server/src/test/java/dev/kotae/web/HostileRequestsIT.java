package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.config.PluginsConfig;
import dev.kotae.http.ApiError;
import dev.kotae.http.CsrfTokens;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fuzzes a real server (sample content, the two bundled widget plugins) with {@value #REQUESTS} hostile
 * requests from a fixed seed: every route with random and hostile methods, paths, query parameters,
 * headers and bodies, some over raw sockets for what {@code java.net.http} refuses to send (a forged
 * {@code Host}, invalid percent-encoding, odd methods, bytes outside ASCII in headers).
 *
 * <p>Holds: no answer is a 5xx; every 4xx has a body, the JSON error shape
 * {@code {"error":{"code","message"}}} on API, operations, widget and asset paths and an HTML page on
 * page routes (where a 404 for a client that does not ask for HTML is JSON, as documented); and the
 * server answers a normal search afterwards. A failure names the request that broke the rule, so it
 * can be replayed with curl. Prints how many answers each status got.
 */
class HostileRequestsIT {

    private static final long SEED = 0x6b6f746165L; // "kotae"
    private static final int REQUESTS = 10_400;
    private static final int CLIENTS = 4;
    private static final String FAQ = "refund-timing";
    private static final String PLAYBOOK = "outage-comms-en";
    private static final List<String> WIDGETS = List.of("widget-contact-deflect", "widget-answer-bot");

    @TempDir
    static Path work;
    static KotaeServer server;
    private static final AtomicInteger RETRIED = new AtomicInteger();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void startServer() throws Exception {
        Path plugins = KotaeServer.pluginFolder(work, WIDGETS.get(0) + ".jar", WIDGETS.get(1) + ".jar");
        server = KotaeServer.withPlugins(work, new PluginsConfig(plugins, Duration.ofSeconds(5), Map.of(), work));
    }

    @AfterAll
    static void stopServer() throws Exception {
        server.close();
    }

    /** One fuzzed request, as sent. */
    record Fuzzed(String method, String target, Map<String, String> headers, byte[] body, boolean raw,
            boolean malformedHead) {
        String describe() {
            String shown = new String(body, 0, Math.min(body.length, 200), StandardCharsets.ISO_8859_1);
            return method + " " + abbreviate(target) + " " + headers + " body[" + body.length + "]=" + abbreviate(shown)
                    + (raw ? " (raw socket)" : "");
        }
    }

    /** What came back. */
    record Answer(int status, String contentType, String body) {}

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void tenThousandHostileRequestsGetNo5xxAndEveryErrorHasItsDocumentedBody() throws Exception {
        Random random = new Random(SEED);
        List<Fuzzed> requests = new ArrayList<>(REQUESTS);
        for (int i = 0; i < REQUESTS; i++) {
            requests.add(fuzz(random));
        }
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        List<String> broken = Collections.synchronizedList(new ArrayList<>());
        long started = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                done.add(clients.submit(() -> {
                    for (int i = client; i < requests.size() && broken.size() < 20; i += CLIENTS) {
                        Fuzzed request = requests.get(i);
                        Answer answer;
                        try {
                            answer = send(request);
                        } catch (IOException e) {
                            broken.add("no answer (" + e + "): " + request.describe());
                            continue;
                        }
                        statuses.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                        String problem = problem(request, answer);
                        if (problem != null) {
                            broken.add(problem + " <- " + request.describe() + " -> " + answer.status() + " "
                                    + answer.contentType() + " " + abbreviate(answer.body()));
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> client : done) {
                client.get(4, TimeUnit.MINUTES);
            }
        } finally {
            clients.shutdownNow();
        }
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        Map<Integer, Integer> summary = new TreeMap<>();
        statuses.forEach((status, count) -> summary.put(status, count.get()));
        int answered = summary.values().stream().mapToInt(Integer::intValue).sum();
        System.out.println("HostileRequestsIT: " + answered + " answers in " + seconds + " s, by status: " + summary
                + "; " + RETRIED.get() + " sent again on a fresh connection after the client's failed");

        assertTrue(broken.isEmpty(), () -> broken.size() + " broken answers, e.g.:\n" + String.join("\n", broken));
        assertTrue(answered >= 10_000, "answered " + answered);
        KotaeServer.Reply search = server.query("/api/v1/search", null, Map.of("q", "返金"));
        assertEquals(200, search.status(), search.body());
        assertTrue(search.json().get("hits").size() > 0, search.body());
    }

    /** What is wrong with {@code answer}, or {@code null}. */
    private static String problem(Fuzzed request, Answer answer) {
        if (answer.status() >= 500) {
            return "5xx";
        }
        if (answer.status() < 400 || request.method().equals("HEAD")) {
            return null;
        }
        if (answer.body().isEmpty()) {
            return "empty error body";
        }
        boolean page = JettyErrorHandler.isPagePath(resolvedPath(request.target()));
        // JSON on a page route is documented for a 404 to a client that does not ask for HTML, and for what
        // Jetty refuses before there is a request to route (a malformed head or URL, oversized URL or
        // headers), which carries the status's generic code.
        boolean refusedBeforeRouting = (answer.status() == 400 || answer.status() == 414 || answer.status() == 431)
                && answer.body().contains("\"code\":\"" + ApiError.codeFor(answer.status()) + "\"");
        boolean jsonAllowed = !page || (answer.status() == 404 && !asksForHtml(request)) || refusedBeforeRouting;
        if (answer.contentType().startsWith("text/html") && page) {
            return answer.body().contains("<html") ? null : "not an HTML page";
        }
        if (!jsonAllowed) {
            return "a page route answered something other than HTML";
        }
        if (!answer.contentType().startsWith("application/json")) {
            return "not JSON";
        }
        try {
            JsonNode error = KotaeServer.JSON.readTree(answer.body()).get("error");
            return error != null && error.path("code").isTextual() && !error.path("code").asText().isEmpty()
                    && error.path("message").isTextual() && !error.path("message").asText().isEmpty()
                    ? null : "JSON without error.code and error.message";
        } catch (IOException e) {
            return "unparsable JSON";
        }
    }

    /** The path as the server resolves it: {@code /api/v1/%2e%2e/%2e%2e/x} is {@code /x}, a page route. */
    private static String resolvedPath(String target) {
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        try {
            return URI.create(path.replace("%2e", ".").replace("%2E", ".")).normalize().getRawPath();
        } catch (IllegalArgumentException e) {
            return path;
        }
    }

    private static boolean asksForHtml(Fuzzed request) {
        String accept = request.headers().get("Accept");
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/html");
    }

    // ---- sending ----

    private static Answer send(Fuzzed request) throws IOException {
        if (!request.raw()) {
            HttpRequest built = build(request);
            if (built != null) {
                try {
                    HttpResponse<byte[]> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofByteArray());
                    return new Answer(response.statusCode(), response.headers().firstValue("content-type").orElse(""),
                            new String(response.body(), StandardCharsets.UTF_8));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException(e);
                } catch (IOException e) {
                    // A pooled connection the server closed after its previous answer (as it does after
                    // refusing a body it did not read) fails before any byte of this one is answered, and
                    // the body limit closes the connection as it answers. Sent again below, on a fresh
                    // connection: a real failure fails there too.
                    RETRIED.incrementAndGet();
                }
            }
        }
        return sendRaw(request);
    }

    /** The request for {@code java.net.http}, or {@code null} if it refuses to send it. */
    private static HttpRequest build(Fuzzed request) {
        try {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(server.baseUrl() + request.target()))
                    .timeout(Duration.ofSeconds(30))
                    .method(request.method(), request.body().length == 0 && !request.method().equals("POST")
                            ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(request.body()));
            request.headers().forEach(builder::header);
            return builder.build();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Answer sendRaw(Fuzzed request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(request.method()).append(' ').append(request.target())
                    .append(" HTTP/1.1\r\n");
            if (!request.headers().containsKey("Host")) {
                head.append("Host: 127.0.0.1\r\n");
            }
            request.headers().forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            head.append("Content-Length: ").append(request.body().length).append("\r\nConnection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            try {
                out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(request.body());
                out.flush();
            } catch (IOException e) {
                // Refused before the body was sent (413 for a declared length): the answer is still there.
            }
            InputStream in = socket.getInputStream();
            byte[] bytes = in.readNBytes(1 << 20);
            String text = new String(bytes, StandardCharsets.UTF_8);
            if (text.length() < 12) {
                throw new IOException("no answer: '" + text + "'");
            }
            int split = text.indexOf("\r\n\r\n");
            String headers = split < 0 ? text : text.substring(0, split);
            String body = split < 0 ? "" : text.substring(split + 4);
            String contentType = "";
            boolean chunked = false;
            for (String line : headers.split("\r\n")) {
                String lower = line.toLowerCase(Locale.ROOT);
                if (lower.startsWith("content-type:")) {
                    contentType = line.substring(13).strip();
                } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                    chunked = true;
                }
            }
            if (chunked) {
                body = unchunk(body);
            }
            return new Answer(Integer.parseInt(text.substring(9, 12)), contentType, body);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int pos = 0;
        while (pos < bytes.length) {
            int lineEnd = pos;
            while (lineEnd + 1 < bytes.length && !(bytes[lineEnd] == '\r' && bytes[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            if (lineEnd + 1 >= bytes.length) {
                break;
            }
            int size = Integer.parseInt(new String(bytes, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).strip(), 16);
            if (size == 0) {
                break;
            }
            int end = Math.min(bytes.length, lineEnd + 2 + size);
            out.append(new String(bytes, lineEnd + 2, end - lineEnd - 2, StandardCharsets.UTF_8));
            pos = end + 2;
        }
        return out.toString();
    }

    // ---- fuzzing ----

    /** A route: a path template and the methods it answers. */
    private record Route(String template, List<String> methods) {}

    private static final List<Route> ROUTES = List.of(
            new Route("/api/v1/search", List.of("GET")),
            new Route("/api/v1/suggest", List.of("GET")),
            new Route("/api/v1/articles/{id}", List.of("GET", "PUT", "DELETE")),
            new Route("/api/v1/articles", List.of("POST")),
            new Route("/api/v1/articles/{id}/source", List.of("GET")),
            new Route("/api/v1/articles/{id}/history", List.of("GET")),
            new Route("/api/v1/articles/{id}/history/{id}", List.of("GET")),
            new Route("/api/v1/articles/{id}/diff", List.of("GET")),
            new Route("/api/v1/articles/{id}/restore", List.of("POST")),
            new Route("/api/v1/drafts", List.of("GET")),
            new Route("/api/v1/drafts/{id}", List.of("GET", "PUT", "DELETE")),
            new Route("/api/v1/drafts/{id}/review", List.of("POST")),
            new Route("/api/v1/drafts/{id}/publish", List.of("POST")),
            new Route("/api/v1/media", List.of("POST")),
            new Route("/media/{file}", List.of("GET")),
            new Route("/api/v1/admin/audit", List.of("GET")),
            new Route("/api/v1/articles/{id}/feedback", List.of("POST")),
            new Route("/api/v1/categories", List.of("GET")),
            new Route("/api/v1/events", List.of("POST")),
            new Route("/api/v1/admin/status", List.of("GET")),
            new Route("/api/v1/admin/feedback", List.of("GET")),
            new Route("/api/v1/admin/events", List.of("GET")),
            new Route("/api/v1/admin/reindex", List.of("POST")),
            new Route("/api/v1/admin/learning/run", List.of("POST")),
            new Route("/api/v1/admin/learning/phrasings", List.of("GET")),
            new Route("/api/v1/admin/learning/decisions", List.of("POST")),
            new Route("/api/v1/analytics/queries", List.of("GET")),
            new Route("/api/v1/analytics/clicks", List.of("GET")),
            new Route("/api/v1/analytics/feedback", List.of("GET")),
            new Route("/api/v1/analytics/deflection", List.of("GET")),
            new Route("/api/v1/analytics/searches-per-hour", List.of("GET")),
            new Route("/api/v1/analytics/articles", List.of("GET")),
            new Route("/api/v1/analytics/contact-funnel", List.of("GET")),
            new Route("/api/v1/analytics/digest", List.of("GET", "POST")),
            new Route("/api/v1/widgets/{plugin}/{widgetPath}", List.of("GET", "POST")),
            new Route("/widgets/{plugin}/{file}", List.of("GET")),
            new Route("/api/openapi.yaml", List.of("GET")),
            new Route("/contact", List.of("GET", "POST")),
            new Route("/contact/suggest", List.of("GET")),
            new Route("/contact/sent", List.of("GET")),
            new Route("/admin/contact", List.of("GET")),
            new Route("/admin/contact/retry", List.of("POST")),
            new Route("/api/v1/admin/contact/requests", List.of("GET")),
            new Route("/api/v1/admin/contact/deliveries/{id}/{id}/retry", List.of("POST")),
            new Route("/healthz", List.of("GET")),
            new Route("/readyz", List.of("GET")),
            new Route("/metrics", List.of("GET")),
            new Route("/", List.of("GET")),
            new Route("/search", List.of("GET")),
            new Route("/articles/{id}", List.of("GET")),
            new Route("/articles/{id}/feedback", List.of("POST")),
            new Route("/login", List.of("GET", "POST")),
            new Route("/logout", List.of("POST")),
            new Route("/analytics", List.of("GET")),
            new Route("/analytics/digest", List.of("POST")),
            new Route("/admin/learning", List.of("GET")),
            new Route("/admin/learning/decide", List.of("POST")),
            new Route("/admin/learning/route", List.of("POST")),
            new Route("/sitemap.xml", List.of("GET")),
            new Route("/robots.txt", List.of("GET")),
            new Route("/assets/{file}", List.of("GET")),
            new Route("/{junk}", List.of("GET", "POST")),
            new Route("/api/v1/{junk}", List.of("GET", "POST")));

    private static final List<String> OTHER_METHODS = List.of("GET", "POST", "HEAD", "PUT", "DELETE", "PATCH",
            "OPTIONS", "TRACE", "PROPFIND", "FOO");
    private static final List<String> PARAMS = List.of("q", "size", "page", "locale", "type", "category", "tag",
            "lang", "next", "voted", "from", "to", "limit", "format", "session", "id", "articleId", "%71", "q[]", "");

    private static Fuzzed fuzz(Random random) {
        Route route = pick(random, ROUTES);
        String method = random.nextInt(10) < 8 ? pick(random, route.methods()) : pick(random, OTHER_METHODS);
        String path = route.template()
                .replace("{id}", pick(random, List.of(FAQ, PLAYBOOK, "refund-timing-en", "x", "..", "%2F", "%2e%2e",
                        "a".repeat(300), encode("返金"), "%00", encode("İ".repeat(50)), "-", "A_B", "%E3%81")))
                .replace("{plugin}", random.nextBoolean() ? pick(random, WIDGETS) : pick(random, List.of("nope", "..",
                        "%2e%2e", encode("ウィジェット"))))
                .replace("{widgetPath}", pick(random, List.of("ask", "suggest", "article", "", "x/y/z", "..%2F..",
                        encode("質問"))))
                .replace("{file}", pick(random, List.of("deflect.js", "bot.js", "deflect.css", "kotae.js", "kotae.css",
                        "..%2Fpom.xml", "plugin.properties", "x", "%00", "a".repeat(400))))
                .replace("{junk}", pick(random, List.of("nope", ".env", "%2e%2e/%2e%2e/etc/passwd", "", "/", "WEB-INF/web.xml",
                        encode("ページ"), "a%zz", "%C0%AF", "search/", "articles/", "api", "v1/search")));
        String target = path + query(random);
        Map<String, String> headers = headers(random);
        byte[] body = method.equals("GET") || method.equals("HEAD") ? (random.nextInt(20) == 0 ? body(random, headers)
                : new byte[0]) : body(random, headers);
        boolean raw = random.nextInt(12) == 0;
        boolean malformedHead = raw && rawOnly(random, headers);
        return new Fuzzed(method, target, headers, body, raw, malformedHead);
    }

    private static String query(Random random) {
        int count = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(random.nextInt(10) == 0 ? 30 : 4);
        StringBuilder query = new StringBuilder();
        for (int i = 0; i < count; i++) {
            query.append(i == 0 ? '?' : '&').append(pick(random, PARAMS)).append('=').append(value(random));
            if (random.nextInt(8) == 0) {
                query.append('&').append(query.substring(1)); // a repeated parameter
                if (query.length() > 20_000) {
                    break;
                }
            }
        }
        return query.toString();
    }

    private static String value(Random random) {
        return switch (random.nextInt(22)) {
            case 0 -> "";
            case 1 -> encode("返金");
            case 2 -> encode("「İ」".repeat(600));
            case 3 -> "%00%01%1F%7F";
            case 4 -> "%zz";
            case 5 -> "%E3%81";
            case 6 -> "%";
            case 7 -> "a".repeat(5_000);
            case 8 -> "-1";
            case 9 -> "99999999999999999999";
            case 10 -> "NaN";
            case 11 -> encode("<script>alert(1)</script>");
            case 12 -> encode("../../etc/passwd");
            case 13 -> encode("😀🇯🇵\u200f\u202e\u0301");
            case 14 -> "%ED%A0%80"; // a lone surrogate, not UTF-8
            case 15 -> encode(" ");
            case 16 -> pick(random, List.of("ja", "en", "all", "faq", "playbook", "1", "100", "101", "0", "2026-01-01"));
            case 17 -> encode("\"AND OR NOT *:* title:x [a TO z] \\\\");
            case 18 -> "//evil.example/x";
            case 19 -> encode(randomText(random, 1 + random.nextInt(60)));
            case 20 -> "%C0%80";
            default -> Integer.toString(random.nextInt(200) - 50);
        };
    }

    private static Map<String, String> headers(Random random) {
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        if (random.nextInt(3) == 0) {
            headers.put("Accept", pick(random, List.of("*/*", "text/html", "application/json", "/;;", "text/html;q=0",
                    "application/xml", "image/png", ";;;", "text/*, application/json;q=0.1", "text/html;level=1;q=x")));
        }
        if (random.nextInt(3) == 0) {
            headers.put("Accept-Language", pick(random, List.of("en;q=2", "ja", "en-US,en;q=0.9", "*", ";;;", "x".repeat(100),
                    "zh-Hant-TW;q=0.5", "en;q=abc", ",,,", "ja-JP-u-ca-japanese")));
        }
        if (random.nextInt(4) == 0) {
            headers.put("Cookie", pick(random, List.of("kotae_session=" + randomText(random, 20),
                    "kotae_csrf=; kotae_session=abc", "kotae_lang=xx; kotae_visitor=" + "v".repeat(500),
                    "kotae_csrf=\"quoted\"; =; ;;", "kotae_session=" + "%zz".repeat(10), "a=b; kotae_lang=en")));
        }
        if (random.nextInt(5) == 0) {
            headers.put("Authorization", pick(random, List.of("Bearer junk", "Bearer ", "Basic YWRtaW46YWRtaW4=", "Bearer "
                    + "x".repeat(2000), "bearer " + KotaeServer.AGENT_TOKEN, "Bearer " + KotaeServer.AGENT_TOKEN, "Token x")));
        }
        if (random.nextInt(5) == 0) {
            headers.put(pick(random, List.of("X-Forwarded-For", "X-Forwarded-Host", "X-Forwarded-Proto", "X-Forwarded-Port",
                    "Forwarded")), pick(random, List.of("evil.example", "https", "1.2.3.4, 5.6.7.8", "for=\"[::1]\";proto=gopher",
                    "99999", ";;;", "unknown")));
        }
        if (random.nextInt(8) == 0) {
            headers.put("Origin", pick(random, List.of("https://evil.example", "null", "http://127.0.0.1")));
        }
        if (random.nextInt(8) == 0) {
            headers.put(CsrfTokens.HEADER, randomText(random, 30));
        }
        if (random.nextInt(10) == 0) {
            headers.put(Sessions.HEADER, pick(random, List.of("abcdefgh12", "x", "-".repeat(100), "sess ion")));
        }
        return headers;
    }

    private static byte[] body(Random random, Map<String, String> headers) {
        int kind = random.nextInt(10);
        String type = switch (kind) {
            case 0, 1, 2 -> pick(random, List.of("application/json", "application/json; charset=utf-8",
                    "application/json;charset=bogus"));
            case 3, 4 -> pick(random, List.of("application/x-www-form-urlencoded",
                    "application/x-www-form-urlencoded;charset=bogus", "application/x-www-form-urlencoded; charset=UTF-8"));
            case 5 -> pick(random, List.of("text/plain", "multipart/form-data; boundary=x", "application/octet-stream",
                    "text/html", "application/xml", "*/*"));
            case 6 -> pick(random, List.of(";;;", "/", "a b/c", "text/plain; =x", "application/json; charset"));
            default -> null;
        };
        if (type != null) {
            headers.put("Content-Type", type);
        }
        int size = random.nextInt(100) == 0 ? 64 * 1024 + 1 + random.nextInt(16 * 1024) : random.nextInt(6) == 0 ? 0
                : random.nextInt(random.nextInt(10) == 0 ? 8192 : 200);
        String text = switch (random.nextInt(9)) {
            case 0 -> "{\"helpful\": " + pick(random, List.of("true", "false", "null", "\"yes\"", "1")) + ", \"comment\": \""
                    + randomText(random, random.nextInt(3000)) + "\"}";
            case 1 -> "{\"type\": \"" + pick(random, List.of("click", "deflection", "search", "", "x".repeat(100)))
                    + "\", \"articleId\": \"" + pick(random, List.of(FAQ, PLAYBOOK, "..", "")) + "\", \"rank\": "
                    + pick(random, List.of("1", "0", "-1", "1e99", "\"1\"", "99999999999")) + ", \"session\": \"abcdefgh12\""
                    + ", \"query\": \"" + "İ".repeat(random.nextInt(1500)) + "\"}";
            case 2 -> pick(random, List.of("{", "[", "{\"helpful\":", "null", "\"str\"", "[".repeat(3000), "{\"a\":"
                    .repeat(2000), "{\"helpful\": true, \"helpful\": false}", "\uFEFF{}"));
            case 3 -> "csrf=" + randomText(random, 20) + "&token=" + KotaeServer.AGENT_TOKEN + "&next=" + pick(random,
                    List.of("/", "//evil.example", "%zz", "/articles/x", "https://evil.example"));
            case 4 -> "%zz=%&=&&&helpful=" + pick(random, List.of("yes", "no", "true", "")) + "&comment=" + "%E3%81";
            default -> null;
        };
        byte[] bytes;
        if (text != null) {
            bytes = text.getBytes(StandardCharsets.UTF_8);
            if (size > bytes.length && random.nextBoolean()) {
                bytes = java.util.Arrays.copyOf(bytes, size);
            }
        } else {
            bytes = new byte[size];
            random.nextBytes(bytes);
        }
        return bytes;
    }

    /**
     * What only a raw socket sends: a forged Host, bytes outside ASCII in headers, a control character.
     * Returns whether the head is malformed, which Jetty refuses before there is a request to route, so
     * always with the API's JSON (documented; BadInputIT).
     */
    private static boolean rawOnly(Random random, Map<String, String> headers) {
        switch (random.nextInt(4)) {
            case 0 -> {
                String host = pick(random, List.of("evil.example", "", "[::1]", "a b", "127.0.0.1:99999", "x".repeat(300)));
                headers.put("Host", host);
                return host.equals("a b") || host.equals("127.0.0.1:99999") || host.isEmpty();
            }
            case 1 -> headers.put("Accept-Language", "ja\u00ff\u00e9;q=0.5");
            case 2 -> headers.put("Cookie", "kotae_session=\u00e9\u00e8; kotae_lang=\u00ff");
            default -> {
                headers.put("X-Kotae-Odd", "\u0001\u00a0");
                return true;
            }
        }
        return false;
    }

    private static String randomText(Random random, int length) {
        StringBuilder text = new StringBuilder(length);
        String alphabet = "abcXYZ019 -_.~!*'();:@&=+$,/?#[]%\"<>\\^`{|}返金注文キャンセルİıßﬁ😀\u3000\u200b";
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return text.toString().replace("\"", "'").replace("\\", "/");
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "…(" + text.length() + ")" : text;
    }
}
