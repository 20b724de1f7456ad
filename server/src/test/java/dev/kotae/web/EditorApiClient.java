package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.config.KotaeConfig;
import dev.kotae.config.PluginsConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real server with named editors, an agent and an admin, and the requests the editing API tests send:
 * JSON with tokens and precondition headers, raw bytes, and a browser session signed in through the
 * sign-in page.
 */
final class EditorApiClient {

    static final String ALICE = "alice-token-123";
    static final String BOB = "bob-token-456";
    static final String ANN = "ann-agent-token-789";
    static final String ROOT = "root-admin-token-000";

    static KotaeServer start(Path work) throws Exception {
        return KotaeServer.configured(work, PluginsConfig.none(), EditorApiClient::people);
    }

    private static KotaeConfig people(KotaeConfig config) {
        return config.withTokens(List.of(new TokenAuthenticator.Token("alice", ALICE, Role.EDITOR),
                new TokenAuthenticator.Token("bob", BOB, Role.EDITOR),
                new TokenAuthenticator.Token("ann", ANN, Role.AGENT),
                new TokenAuthenticator.Token("root", ROOT, Role.ADMIN)));
    }

    /** A request with a JSON body ({@code null}: none), a token ({@code null}: anonymous) and more headers. */
    static KotaeServer.Reply json(KotaeServer server, String method, String path, String token, String body,
            String... headers) {
        HttpRequest.Builder request = server.request(path).method(method,
                body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return server.send(request, token);
    }

    /** Raw bytes as the body, with the given Content-Type. */
    static KotaeServer.Reply bytes(KotaeServer server, String path, String token, String contentType, byte[] body) {
        return server.send(server.request(path).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), token);
    }

    /** An article's fields as the API takes them. */
    static ObjectNode article(String title, String body) {
        ObjectNode json = KotaeServer.JSON.createObjectNode();
        json.put("title", title);
        json.put("locale", "en");
        json.put("category", "Testing");
        json.putArray("tags").add("api");
        json.put("body", body);
        return json;
    }

    /** The ETag's version, without its quotes. */
    static String version(KotaeServer.Reply reply) {
        String etag = reply.header("etag");
        assertTrue(etag.matches("\"[^\"]+\""), () -> "a strong ETag, not '" + etag + "': " + reply.status() + " " + reply.body());
        return etag.substring(1, etag.length() - 1);
    }

    static String quoted(String version) {
        return '"' + version + '"';
    }

    /** The error in a 4xx answer: asserts the status, that it is JSON, and the code when one is given. */
    static JsonNode assertError(KotaeServer.Reply reply, int status, String code) {
        assertEquals(status, reply.status(), reply::body);
        assertTrue(reply.contentType().startsWith("application/json"), () -> reply.contentType() + ": " + reply.body());
        JsonNode error = reply.json().get("error");
        assertFalse(error == null || error.get("message").asText().isBlank(), reply::body);
        if (code != null) {
            assertEquals(code, error.get("code").asText(), reply::body);
        }
        return error;
    }

    /** Every file under the content folder and the drafts folder, with a digest of its bytes. */
    static Map<String, String> disk(KotaeServer server) {
        Map<String, String> files = new TreeMap<>();
        for (Path root : List.of(server.content(), server.data().resolve("drafts"))) {
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(root)) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                    files.put(file.toString(), HexFormat.of().formatHex(
                            MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return files;
    }

    /** A browser signed in through the sign-in page: its cookies and the pages' CSRF token. */
    record Session(String cookies, String csrf) {}

    private static final Pattern FORM_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"kotae-csrf\" content=\"([^\"]+)\"");

    static Session signIn(KotaeServer server, String token) throws Exception {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<String, String> cookies = new LinkedHashMap<>();
        HttpResponse<String> form = browse(client, cookies, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login")).GET());
        Matcher formToken = FORM_CSRF.matcher(form.body());
        assertTrue(formToken.find(), form::body);
        String body = "csrf=" + enc(formToken.group(1)) + "&token=" + enc(token) + "&next=%2F";
        HttpResponse<String> signedIn = browse(client, cookies, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body)));
        assertEquals(303, signedIn.statusCode(), signedIn::body);
        HttpResponse<String> page = browse(client, cookies, HttpRequest.newBuilder(URI.create(server.baseUrl() + "/")).GET());
        Matcher pageToken = META_CSRF.matcher(page.body());
        assertTrue(pageToken.find(), page::body);
        return new Session(cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; ")), pageToken.group(1));
    }

    private static HttpResponse<String> browse(HttpClient client, Map<String, String> cookies, HttpRequest.Builder request)
            throws Exception {
        request.header("Accept", "text/html");
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        for (String set : response.headers().allValues("set-cookie")) {
            String pair = set.split(";", 2)[0];
            cookies.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
        }
        return response;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private EditorApiClient() {}
}
