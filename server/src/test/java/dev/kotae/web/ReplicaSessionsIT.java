package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kotae.config.KotaeConfig;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replicas behind a balancer that is not sticky: a browser signs in on one replica and goes on, form by
 * form, on the other, because sessions and CSRF tokens are signed with the shared secret rather than kept
 * in one process. And a single server keeps its signed-in agents across a restart.
 */
class ReplicaSessionsIT {

    private static final String SECRET = "replicas-share-this-secret-0123456789";
    private static final String PLAYBOOK = "refund-approval";
    private static final Pattern FORM_CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    @TempDir
    Path work;

    @Test
    void aBrowserSignedInOnOneReplicaIsSignedInOnTheOther() throws Exception {
        try (KotaeServer one = KotaeServer.configured(work.resolve("one"), dev.kotae.config.PluginsConfig.none(), this::shared);
                KotaeServer two = KotaeServer.configured(work.resolve("two"), dev.kotae.config.PluginsConfig.none(), this::shared)) {
            Browser browser = new Browser();
            assertEquals(404, browser.get(two, "/articles/" + PLAYBOOK).statusCode(), "anonymous at first");

            HttpResponse<String> form = browser.get(one, "/login");
            HttpResponse<String> signedIn = browser.post(two, "/login",
                    Map.of("csrf", csrf(form), "token", KotaeServer.AGENT_TOKEN, "next", "/"));
            assertEquals(303, signedIn.statusCode(), "one replica's form token is good on the other: " + signedIn.body());

            assertEquals(200, browser.get(one, "/articles/" + PLAYBOOK).statusCode(), "signed in on two, seen by one");
            HttpResponse<String> page = browser.get(two, "/articles/" + PLAYBOOK);
            assertEquals(200, page.statusCode());

            assertEquals(303, browser.post(one, "/logout", Map.of("csrf", csrf(page))).statusCode());
            assertEquals(404, browser.get(two, "/articles/" + PLAYBOOK).statusCode(), "the cookie is gone");
        }
    }

    @Test
    void replicasWithoutASharedSecretDoNotTrustEachOther() throws Exception {
        try (KotaeServer one = KotaeServer.withSampleContent(work.resolve("one"));
                KotaeServer two = KotaeServer.withSampleContent(work.resolve("two"))) {
            Browser browser = new Browser();
            HttpResponse<String> form = browser.get(one, "/login");
            assertEquals(303, browser.post(one, "/login",
                    Map.of("csrf", csrf(form), "token", KotaeServer.AGENT_TOKEN, "next", "/")).statusCode());

            assertEquals(200, browser.get(one, "/articles/" + PLAYBOOK).statusCode());
            assertEquals(404, browser.get(two, "/articles/" + PLAYBOOK).statusCode(), "each generated its own secret");
        }
    }

    @Test
    void aRestartSignsNobodyOut() throws Exception {
        Browser browser = new Browser();
        Path content;
        Path data;
        try (KotaeServer server = KotaeServer.withSampleContent(work)) {
            content = server.content();
            data = server.data();
            HttpResponse<String> form = browser.get(server, "/login");
            assertEquals(303, browser.post(server, "/login",
                    Map.of("csrf", csrf(form), "token", KotaeServer.AGENT_TOKEN, "next", "/")).statusCode());
        }
        try (KotaeServer restarted = KotaeServer.over(content, data)) {
            HttpResponse<String> page = browser.get(restarted, "/articles/" + PLAYBOOK);
            assertEquals(200, page.statusCode(), "still signed in after the restart");
            assertEquals(303, browser.post(restarted, "/logout", Map.of("csrf", csrf(page))).statusCode(),
                    "a form from before the restart still posts");
        }
    }

    private KotaeConfig shared(KotaeConfig config) {
        return config.withSite(config.site().withSessionSecret(SECRET));
    }

    private static String csrf(HttpResponse<String> page) {
        Matcher matcher = FORM_CSRF.matcher(page.body());
        assertNotNull(matcher.find() ? matcher.group(1) : null, "no form token in " + page.uri());
        return matcher.group(1);
    }

    /** One browser's cookie jar, sent to whichever replica the request goes to, as behind one balancer. */
    private static final class Browser {
        private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        private final Map<String, String> cookies = new LinkedHashMap<>();

        HttpResponse<String> get(KotaeServer server, String path) throws Exception {
            return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path)).GET());
        }

        HttpResponse<String> post(KotaeServer server, String path, Map<String, String> form) throws Exception {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)));
        }

        private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
            request.header("Accept", "text/html");
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            for (String set : response.headers().allValues("set-cookie")) {
                String pair = set.split(";", 2)[0];
                String name = pair.substring(0, pair.indexOf('='));
                String value = pair.substring(pair.indexOf('=') + 1);
                if (value.isEmpty() || set.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            return response;
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }
}
