package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Regression tests for what {@link HostileRequestsIT} found: answers that had no body, the wrong shape
 * for their route, or a 500. Every error is JSON on API, operations, widget and asset paths and a page on
 * page routes.
 */
class ErrorBodiesIT extends SampleServerIT {

    /** Jetty's error handler wrote a body only for GET, POST and HEAD. */
    @ParameterizedTest
    @ValueSource(strings = {"PATCH", "PUT", "DELETE", "PROPFIND", "FOO"})
    void aRequestJettyRefusesHasABodyWhateverItsMethod(String method) throws Exception {
        RawExchange.Result api = RawExchange.send(server.port(),
                method + " /api/v1/articles/%2F/feedback HTTP/1.1\r\nHost: 127.0.0.1", false, new byte[0], 0);
        assertEquals(400, api.status(), api.body());
        assertTrue(api.header("content-type").startsWith("application/json"), api.headers().toString());
        assertTrue(api.body().contains("\"code\":\"bad_request\""), api.body());
        RawExchange.Result page = RawExchange.send(server.port(),
                method + " /articles/%2F HTTP/1.1\r\nHost: 127.0.0.1", false, new byte[0], 0);
        assertEquals(400, page.status(), page.body());
        assertTrue(page.body().contains("cannot be shown"), page.body());
    }

    /** A malformed Authorization on a page was the API's JSON 401. */
    @ParameterizedTest
    @ValueSource(strings = {"Bearer ", "Token x", "Basic YWRtaW46YWRtaW4=", "Bearer wrong-token"})
    void aBadAuthorizationOnAPageIsAPage(String authorization) {
        KotaeServer.Reply page = server.send(server.request("/").header("Authorization", authorization).GET(), null);
        assertEquals(401, page.status(), page.body());
        assertTrue(page.contentType().startsWith("text/html"), page.contentType());
        assertTrue(page.body().contains("cannot be shown"), page.body());
        assertEquals(AuthFilter.CHALLENGE, page.header("www-authenticate"));
        KotaeServer.Reply api = server.send(server.request("/api/v1/search?q=a").header("Authorization", authorization)
                .GET(), null);
        assertEquals(401, api.status());
        assertEquals("unauthorized", api.json().get("error").get("code").asText());
    }

    /** An unknown asset was the help center's 404 page; scripts and stylesheets read these. */
    @Test
    void anUnknownAssetIsJson() {
        KotaeServer.Reply asset = server.get("/assets/no-such.js");
        assertEquals(404, asset.status());
        assertEquals("not_found", asset.json().get("error").get("code").asText());
    }

    /** Jersey matched a Content-Type of *{@literal /}* to the form endpoints, whose form parameters then threw: 500. */
    @ParameterizedTest
    @ValueSource(strings = {"*/*", "application/*", "*/*; charset=utf-8"})
    void aContentTypePatternIs415(String type) {
        for (String path : new String[] {"/login", "/logout", "/articles/refund-timing/feedback"}) {
            KotaeServer.Reply page = server.send(server.request(path).header("Content-Type", type)
                    .POST(HttpRequest.BodyPublishers.ofString("csrf=x&token=y")), null);
            assertEquals(415, page.status(), () -> path + " " + type + ": " + page.body());
            assertTrue(page.body().contains("cannot be shown"), page.body());
        }
        KotaeServer.Reply api = server.send(server.request("/api/v1/events").header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString("{}")), null);
        assertEquals(415, api.status(), api.body());
        assertEquals("unsupported_media_type", api.json().get("error").get("code").asText());
    }

    /** JAX-RS errors on page routes (405, 406) were JSON. */
    @Test
    void aMethodOrTypeAPageDoesNotServeIsAPage() {
        KotaeServer.Reply wrongMethod = server.send(server.request("/search?q=a").PUT(HttpRequest.BodyPublishers.noBody()),
                null);
        assertEquals(405, wrongMethod.status());
        assertTrue(wrongMethod.contentType().startsWith("text/html"), wrongMethod.contentType());
        assertTrue(wrongMethod.header("allow").contains("GET"), wrongMethod.headers().toString());
        KotaeServer.Reply notAcceptable = server.send(server.request("/").header("Accept", "image/png").GET(), null);
        assertEquals(406, notAcceptable.status());
        assertTrue(notAcceptable.body().contains("cannot be shown"), notAcceptable.body());
    }

    /** The route is judged on the resolved path: /widgets/../search is the search page. */
    @Test
    void aPathThatResolvesToAPageGetsAPage() throws Exception {
        RawExchange.Result page = RawExchange.send(server.port(),
                "GET /widgets/../search?q=%E3%81 HTTP/1.1\r\nHost: 127.0.0.1", false, new byte[0], 0);
        assertEquals(400, page.status(), page.body());
        assertTrue(page.header("content-type").startsWith("text/html"), page.headers().toString());
    }

    /** JSON's {@code null} is valid JSON but no event: a 400 like any other bad event, not a 500. */
    @Test
    void aNullEventIs400() {
        KotaeServer.Reply reply = server.send(server.request("/api/v1/events").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("null")), null);
        assertEquals(400, reply.status(), reply.body());
        assertEquals("bad_event", reply.json().get("error").get("code").asText(), reply.body());
    }
}
