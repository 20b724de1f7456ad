package dev.kotae.web;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.KotaeApp;
import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.KotaeConfig;
import dev.kotae.config.PluginsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.awaitility.core.ConditionTimeoutException;

/**
 * A real Kotae server for integration tests: the bundled sample content copied to a temporary folder
 * (so tests may change it), its own data folder, an ephemeral port on 127.0.0.1, an agent and an admin
 * token. Requests go over real HTTP.
 */
final class KotaeServer implements AutoCloseable {

    static final String AGENT_TOKEN = "agent-token-0123456789";
    static final String ADMIN_TOKEN = "admin-token-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    private final Path content;
    private final Path data;
    private final PluginsConfig plugins;
    private final java.util.function.UnaryOperator<KotaeConfig> customise;
    private KotaeApp app;
    private dev.kotae.index.IndexDirectories indexDirectories = dev.kotae.index.IndexDirectories.FILE_SYSTEM;
    /** What the sign-in throttles refill by: a test moves its own clock instead of waiting. */
    private java.time.Clock signInClock = java.time.Clock.systemUTC();
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** The HTTP answer: status, headers (names in lower case) and body, parsed as JSON on demand. */
    record Reply(int status, Map<String, String> headers, String body) {
        String contentType() {
            return header("content-type");
        }

        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), "");
        }

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    private KotaeServer(Path content, Path data, PluginsConfig plugins) {
        this(content, data, plugins, java.util.function.UnaryOperator.identity());
    }

    private KotaeServer(Path content, Path data, PluginsConfig plugins,
            java.util.function.UnaryOperator<KotaeConfig> customise) {
        this.content = content;
        this.data = data;
        this.plugins = plugins;
        this.customise = customise;
    }

    /** A server over a fresh copy of the sample content, with plugins and further settings. */
    static KotaeServer configured(Path workDir, PluginsConfig plugins,
            java.util.function.UnaryOperator<KotaeConfig> customise) throws Exception {
        Path content = workDir.resolve("content");
        if (!Files.isDirectory(content)) {
            copyTree(sampleContent(), content);
        }
        KotaeServer server = new KotaeServer(content, workDir.resolve("data"), plugins, customise);
        server.start();
        return server;
    }

    /**
     * A server over a fresh copy of the sample content whose sign-in throttles refill as {@code signInClock}
     * moves. The data folder is {@code workDir/data}: put an accounts file there first (kotae users --data).
     */
    static KotaeServer withSignInClock(Path workDir, java.time.Clock signInClock,
            java.util.function.UnaryOperator<KotaeConfig> customise) throws Exception {
        Path content = workDir.resolve("content");
        if (!Files.isDirectory(content)) {
            copyTree(sampleContent(), content);
        }
        KotaeServer server = new KotaeServer(content, workDir.resolve("data"), PluginsConfig.none(), customise);
        server.signInClock = signInClock;
        server.start();
        return server;
    }

    /** A server over a fresh copy of the bundled {@code content/} folder. */
    static KotaeServer withSampleContent(Path workDir) throws Exception {
        Path content = workDir.resolve("content");
        copyTree(sampleContent(), content);
        KotaeServer server = new KotaeServer(content, workDir.resolve("data"), PluginsConfig.none());
        server.start();
        return server;
    }

    /** A server over a fresh copy of the sample content, with plugins. */
    static KotaeServer withPlugins(Path workDir, PluginsConfig plugins) throws Exception {
        Path content = workDir.resolve("content");
        if (!Files.isDirectory(content)) {
            copyTree(sampleContent(), content);
        }
        KotaeServer server = new KotaeServer(content, workDir.resolve("data"), plugins);
        server.start();
        return server;
    }

    /**
     * A plugin folder in {@code workDir} holding copies of the named plugin jars, taken from the build's
     * bundled plugins ({@code server/target/plugins}) or test plugins ({@code server/target/test-plugins}).
     */
    static Path pluginFolder(Path workDir, String... jarNames) throws IOException {
        Path folder = Files.createDirectories(workDir.resolve("plugins"));
        for (String name : jarNames) {
            Path jar = Stream.of("kotae.plugins", "kotae.testPlugins")
                    .map(System::getProperty)
                    .filter(java.util.Objects::nonNull)
                    .map(dir -> Path.of(dir).resolve(name))
                    .filter(Files::isRegularFile)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("plugin jar " + name
                            + " not built (run the tests through Maven: ./mvnw verify)"));
            Files.copy(jar, folder.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        return folder;
    }

    /** A server over a fresh copy of the sample content whose index files are in the directories {@code opener} opens. */
    static KotaeServer withIndexDirectories(Path workDir, dev.kotae.index.IndexDirectories opener) throws Exception {
        Path content = workDir.resolve("content");
        copyTree(sampleContent(), content);
        KotaeServer server = new KotaeServer(content, workDir.resolve("data"), PluginsConfig.none());
        server.indexDirectories = opener;
        server.start();
        return server;
    }

    /** A server over an existing content folder and data folder (e.g. to restart on the same data). */
    static KotaeServer over(Path content, Path data) throws Exception {
        KotaeServer server = new KotaeServer(content, data, PluginsConfig.none());
        server.start();
        return server;
    }

    static Path sampleContent() {
        String configured = System.getProperty("kotae.content");
        Path path = configured != null ? Path.of(configured) : Path.of("../content");
        if (!Files.isDirectory(path)) {
            throw new IllegalStateException("sample content not found at " + path.toAbsolutePath());
        }
        return path;
    }

    void start() throws Exception {
        KotaeConfig config = KotaeConfig.defaults()
                .withHost("127.0.0.1")
                .withPort(0)
                .withContent(content)
                .withData(data)
                .withPlugins(plugins)
                .withTokens(List.of(
                        new TokenAuthenticator.Token("agent", AGENT_TOKEN, Role.AGENT),
                        new TokenAuthenticator.Token("admin", ADMIN_TOKEN, Role.ADMIN)));
        app = KotaeApp.start(customise.apply(config), indexDirectories, signInClock);
    }

    void stop() throws Exception {
        if (app != null) {
            app.close();
            app = null;
        }
    }

    Path content() {
        return content;
    }

    /** The running app, for calling what has no HTTP route (yet) in the same JVM. */
    KotaeApp app() {
        return app;
    }

    Path data() {
        return data;
    }

    int port() {
        return app.port();
    }

    /** The server's base URL, e.g. {@code http://127.0.0.1:34567}. */
    String baseUrl() {
        return "http://127.0.0.1:" + port();
    }

    Reply get(String pathAndQuery) {
        return get(pathAndQuery, null);
    }

    Reply get(String pathAndQuery, String token) {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET(), token);
    }

    Reply post(String path, String jsonBody, String token) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(jsonBody)), token);
    }

    /** GET with query parameters, each URL-encoded. */
    Reply query(String path, String token, Map<String, String> params) {
        StringBuilder url = new StringBuilder(path);
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            url.append(separator).append(param.getKey()).append('=')
                    .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return get(url.toString(), token);
    }

    /**
     * The value of an unlabelled metric in {@code /metrics} (a counter by its full name, {@code _total}
     * included), read as an admin, who sees every series.
     */
    double metric(String name) {
        String metrics = get("/metrics", ADMIN_TOKEN).body();
        java.util.regex.Matcher value = java.util.regex.Pattern.compile("(?m)^" + java.util.regex.Pattern.quote(name)
                + " (\\S+)$").matcher(metrics);
        if (!value.find()) {
            throw new AssertionError(name + " is not exposed: " + metrics);
        }
        return Double.parseDouble(value.group(1));
    }

    /**
     * How long {@code condition} took to hold, polling every 20 ms (Awaitility, the suite's one way to
     * wait) for up to 30 s, and printed. Fails naming {@code what} if it never holds. The time is a figure
     * for the log, not an outcome: speed targets (a change searchable within a second) are checked by the
     * benchmark, whose figures do not fail a build on a loaded machine.
     */
    static Duration timeUntil(String what, Callable<Boolean> condition) {
        long start = System.nanoTime();
        await(what).atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(20))
                .until(condition);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        System.out.println(what + ": after " + took.toMillis() + " ms");
        return took;
    }

    /** Search ids in rank order. */
    List<String> searchIds(String q, String token) {
        return ids(query("/api/v1/search", token, Map.of("q", q, "size", "10")).json().get("hits"));
    }

    List<String> suggestIds(String q, String token) {
        return ids(query("/api/v1/suggest", token, Map.of("q", q)).json().get("suggestions"));
    }

    /** One plugin's entry in admin status. */
    JsonNode pluginStatus(String pluginId) {
        JsonNode plugins = get("/api/v1/admin/status", ADMIN_TOKEN).json().get("plugins");
        for (JsonNode plugin : plugins) {
            if (plugin.get("id").asText().equals(pluginId)) {
                return plugin;
            }
        }
        throw new AssertionError("no plugin " + pluginId + " in " + plugins);
    }

    /**
     * Waits (up to 15 s) until a search's ids satisfy the condition: plugin sources are indexed in the
     * background, after start-up and after each change.
     */
    void awaitSearch(String q, String token, java.util.function.Predicate<List<String>> condition) {
        try {
            await("search '" + q + "' matches").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100))
                    .until(() -> searchIds(q, token), condition);
        } catch (ConditionTimeoutException e) {
            throw new AssertionError(e.getMessage() + "; plugins " + get("/api/v1/admin/status", ADMIN_TOKEN).json()
                    .get("plugins"), e);
        }
    }

    static List<String> ids(JsonNode array) {
        List<String> ids = new ArrayList<>();
        array.forEach(node -> ids.add(node.get("id").asText()));
        return ids;
    }

    private URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** A request builder for a path on this server (for headers the helpers above do not set). */
    HttpRequest.Builder request(String pathAndQuery) {
        return HttpRequest.newBuilder(uri(pathAndQuery));
    }

    Reply send(HttpRequest.Builder request, String token) {
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> headers = new java.util.HashMap<>();
            response.headers().map().forEach((name, values) ->
                    headers.put(name.toLowerCase(java.util.Locale.ROOT), String.join(", ", values)));
            return new Reply(response.statusCode(), headers, response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw request bytes (for requests no well-behaved client library would send). */
    Reply raw(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((requestLine + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int status = Integer.parseInt(response.substring(9, 12));
            int split = response.indexOf("\r\n\r\n");
            String head = response.substring(0, split);
            String body = response.substring(split + 4);
            Map<String, String> headers = new java.util.HashMap<>();
            head.lines().skip(1).filter(line -> line.indexOf(':') > 0).forEach(line -> headers.put(
                    line.substring(0, line.indexOf(':')).strip().toLowerCase(java.util.Locale.ROOT),
                    line.substring(line.indexOf(':') + 1).strip()));
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Reply(status, headers, body);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int pos = 0;
        while (pos < body.length()) {
            int lineEnd = body.indexOf("\r\n", pos);
            int size = Integer.parseInt(body.substring(pos, lineEnd).strip(), 16);
            if (size == 0) {
                break;
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            pos = lineEnd + 2 + size + 2;
        }
        return out.toString();
    }

    static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path source : (Iterable<Path>) paths::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }

    @Override
    public void close() throws Exception {
        stop();
    }
}
