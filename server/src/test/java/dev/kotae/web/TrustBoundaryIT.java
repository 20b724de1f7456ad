package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.config.PluginsConfig;
import java.net.URI;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What a caller sends about where it came from ({@code Host}, {@code Forwarded}, {@code X-Forwarded-*})
 * never reaches shared answers: with {@code site.baseUrl} every absolute URL is the configured one, and
 * forwarded headers count only from a configured proxy ({@code server.trustedProxies}).
 */
class TrustBoundaryIT extends SampleServerIT {

    private static final String PUBLIC_BASE = "https://help.example.com";
    private static final String FAQ = "refund-timing";
    /** Every way a caller might name another origin. */
    private static final String SPOOFED = "Host: evil.example\r\nX-Forwarded-Host: evil.example\r\n"
            + "X-Forwarded-Proto: http\r\nX-Forwarded-Port: 6666\r\nForwarded: host=evil.example;proto=http";

    /** site.baseUrl set, no proxy trusted. */
    private static KotaeServer withBaseUrl;
    /** No site.baseUrl, 127.0.0.1 trusted as a proxy (the tests connect from there). */
    private static KotaeServer behindProxy;

    @BeforeAll
    static void startTheOtherServers() throws Exception {
        withBaseUrl = KotaeServer.configured(Files.createDirectories(work.resolve("base-url")), PluginsConfig.none(),
                config -> config.withSite(config.site().withBaseUrl(URI.create(PUBLIC_BASE + "/"))));
        behindProxy = KotaeServer.configured(Files.createDirectories(work.resolve("proxied")), PluginsConfig.none(),
                config -> config.withServer(config.server().withTrustedProxies(List.of("127.0.0.1"))));
    }

    @AfterAll
    static void stopTheOtherServers() throws Exception {
        withBaseUrl.close();
        behindProxy.close();
    }

    @Test
    void withBaseUrlNoCallerHeaderReachesTheSitemapRobotsOrCanonicalLinks() throws Exception {
        for (String path : List.of("/sitemap.xml", "/robots.txt", "/", "/articles/" + FAQ, "/?lang=en")) {
            RawExchange.Result reply = get(withBaseUrl, path, SPOOFED);
            assertEquals(200, reply.status(), () -> path + ": " + reply.body());
            assertTrue(reply.body().contains(PUBLIC_BASE + "/"), () -> path + ": " + reply.body());
            assertFalse(reply.body().contains("evil.example"), () -> path + ": " + reply.body());
            assertFalse(reply.body().contains("127.0.0.1"), () -> path + ": " + reply.body());
        }
        RawExchange.Result article = get(withBaseUrl, "/articles/" + FAQ, SPOOFED);
        assertTrue(article.body().contains("<link rel=\"canonical\" href=\"" + PUBLIC_BASE + "/articles/" + FAQ + "\">"),
                article.body());
        assertTrue(article.body().contains("application/ld+json"), "a public FAQ carries JSON-LD");
        // The same for everyone, so shared caches may keep them.
        assertEquals("public, max-age=3600", get(withBaseUrl, "/sitemap.xml", SPOOFED).header("cache-control"));
        assertEquals("public, max-age=3600", get(withBaseUrl, "/robots.txt", SPOOFED).header("cache-control"));
    }

    @Test
    void withoutBaseUrlTheHostIsUsedButTheFilesAreNotPubliclyCacheable() throws Exception {
        RawExchange.Result sitemap = get(server, "/sitemap.xml", "Host: evil.example");
        assertEquals(200, sitemap.status());
        assertTrue(sitemap.body().contains("<loc>http://evil.example/</loc>"), sitemap.body());
        assertFalse(sitemap.header("cache-control").contains("public"), sitemap.headers().toString());
        assertFalse(get(server, "/robots.txt", "Host: evil.example").header("cache-control").contains("public"));
    }

    @Test
    void forwardedHeadersFromAnUntrustedPeerAreIgnored() throws Exception {
        String host = "Host: 127.0.0.1:" + server.port();
        RawExchange.Result sitemap = get(server, "/sitemap.xml", host + "\r\nX-Forwarded-Host: evil.example\r\n"
                + "X-Forwarded-Proto: https\r\nX-Forwarded-Port: 443\r\nForwarded: host=evil2.example;proto=https");
        assertTrue(sitemap.body().contains("<loc>http://127.0.0.1:" + server.port() + "/</loc>"), sitemap.body());
        assertFalse(sitemap.body().contains("evil") || sitemap.body().contains("https:"), sitemap.body());
    }

    @Test
    void forwardedHeadersFromATrustedProxyAreHonoured() throws Exception {
        RawExchange.Result sitemap = get(behindProxy, "/sitemap.xml", "Host: 127.0.0.1:" + behindProxy.port()
                + "\r\nX-Forwarded-Host: help.proxied.example\r\nX-Forwarded-Proto: https\r\nX-Forwarded-For: 203.0.113.7");
        assertTrue(sitemap.body().contains("<loc>https://help.proxied.example/</loc>"), sitemap.body());
        RawExchange.Result robots = get(behindProxy, "/robots.txt", "Host: 127.0.0.1\r\n"
                + "X-Forwarded-Host: evil.example, help.proxied.example\r\nX-Forwarded-Proto: https\r\n"
                + "Forwarded: for=203.0.113.7;host=help.rfc7239.example;proto=https");
        assertTrue(robots.body().contains("Sitemap: https://help.proxied.example/sitemap.xml"),
                "the proxy's own (last) value counts, Forwarded never: " + robots.body());
    }

    @Test
    void aTrustedProxysSchemeIsHttpOrHttpsAndAnythingElseIsTheUsualError() throws Exception {
        String host = "Host: 127.0.0.1:" + behindProxy.port() + "\r\nX-Forwarded-Proto: ";
        assertTrue(get(behindProxy, "/robots.txt", host + "HTTPS").body()
                .contains("Sitemap: https://127.0.0.1:" + behindProxy.port() + "/sitemap.xml"));
        for (String proto : List.of("javascript", "\"><x", "a b", "1http", "ht%tp", "ws", "http, javascript")) {
            for (String path : List.of("/robots.txt", "/api/v1/search?q=refund", "/", "/articles/" + FAQ)) {
                RawExchange.Result reply = get(behindProxy, path, host + proto);
                String what = proto + " on " + path + ": " + reply.headers() + " " + reply.body();
                assertEquals(400, reply.status(), what);
                assertFalse(reply.body().contains(proto.split(",")[proto.split(",").length - 1].strip() + "://"), what);
                assertEquals("nosniff", reply.header("x-content-type-options"), what);
                if (path.startsWith("/api/") || path.equals("/robots.txt")) {
                    assertTrue(reply.header("content-type").startsWith("application/json"), what);
                    assertTrue(reply.body().startsWith("{\"error\":{\"code\":\"bad_request\""), what);
                } else {
                    assertTrue(reply.header("content-type").startsWith("text/html"), what);
                    assertTrue(reply.body().contains("</html>"), what);
                }
            }
        }
    }

    @Test
    void aTrustedProxysOtherForwardingHeadersAreNotBelieved() throws Exception {
        // Documented are For/Proto/Host/Port only: the rest Jetty knows would pass a client's own value on.
        for (String header : List.of("X-Forwarded-Server: evil.example", "X-Proxied-Https: on", "Proxy-Ssl-Id: 0102",
                "Proxy-auth-cert: evil")) {
            RawExchange.Result robots = get(behindProxy, "/robots.txt", "Host: 127.0.0.1:" + behindProxy.port()
                    + "\r\n" + header);
            assertTrue(robots.body().contains("Sitemap: http://127.0.0.1:" + behindProxy.port() + "/sitemap.xml"),
                    header + ": " + robots.body());
        }
    }

    private static RawExchange.Result get(KotaeServer target, String path, String headers) throws Exception {
        return RawExchange.send(target.port(), "GET " + path + " HTTP/1.1\r\n" + headers, false, new byte[0], 0);
    }
}
