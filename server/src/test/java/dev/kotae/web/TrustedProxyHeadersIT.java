package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.Test;

/**
 * The contract other parts rely on: {@code Request.getRemoteAddr} is the peer unless the peer is a
 * trusted proxy, and then the client that the proxy's own (last) {@code X-Forwarded-For} entry names. Checked on
 * a bare Jetty whose only handler echoes what it sees.
 */
class TrustedProxyHeadersIT {

    private static final String FORWARDED = "X-Forwarded-For: 203.0.113.7\r\nX-Forwarded-Proto: https\r\n"
            + "X-Forwarded-Host: proxied.example";

    @Test
    void aTrustedPeersForwardedHeadersDecideTheClientAddressSchemeAndHost() throws Exception {
        assertEquals("203.0.113.7 https proxied.example", seen(List.of("127.0.0.1"), FORWARDED));
        assertEquals("203.0.113.7 https proxied.example", seen(List.of("127.0.0.0/8", "10.0.0.0/8"), FORWARDED));
    }

    @Test
    void throughATrustedProxyOnlyWhatTheProxyAddedCounts() throws Exception {
        // The client sent its own X-Forwarded-For and Forwarded; the proxy appended the address it saw.
        assertEquals("203.0.113.9 http 127.0.0.1", seen(List.of("127.0.0.1"),
                "X-Forwarded-For: 6.6.6.6, 203.0.113.9\r\nForwarded: for=1.2.3.4;proto=https;host=evil.example"));
        // HAProxy's option forwardfor adds a line of its own after the client's.
        assertEquals("203.0.113.9 https proxied.example", seen(List.of("127.0.0.1"),
                "X-Forwarded-For: 6.6.6.6\r\nX-Forwarded-For: 203.0.113.9\r\nX-Forwarded-Proto: http, https\r\n"
                        + "X-Forwarded-Host: evil.example, proxied.example"));
        assertEquals("127.0.0.1 http 127.0.0.1", seen(List.of("127.0.0.1"),
                "Forwarded: for=198.51.100.4;proto=https;host=rfc.example"), "Forwarded is never believed");
    }

    @Test
    void headersJettyHasNoNameForPassThroughATrustedProxyUntouched() throws Exception {
        // A visitor's session header behind a proxy: once answered 500 (a null header name in List.contains).
        assertEquals("203.0.113.7 https proxied.example session=visitor-0001", seen(List.of("127.0.0.1"),
                FORWARDED + "\r\nX-Kotae-Session: visitor-0001"));
    }

    @Test
    void anyOtherPeersForwardedHeadersAreIgnored() throws Exception {
        assertEquals("127.0.0.1 http 127.0.0.1", seen(List.of(), FORWARDED));
        assertEquals("127.0.0.1 http 127.0.0.1", seen(List.of("10.0.0.0/8", "::1"), FORWARDED));
        assertEquals("127.0.0.1 http 127.0.0.1", seen(List.of("192.168.0.10"),
                "Forwarded: for=198.51.100.4;proto=https;host=rfc.example"));
    }

    /** What a handler behind the customizer sees: remote address, scheme and host. */
    private static String seen(List<String> trusted, String headers) throws Exception {
        Server jetty = new Server();
        HttpConfiguration http = new HttpConfiguration();
        http.addCustomizer(new TrustedProxyHeaders(trusted));
        ServerConnector connector = new ServerConnector(jetty, new HttpConnectionFactory(http));
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        jetty.setHandler(new Handler.Abstract() {
            @Override
            public boolean handle(Request request, Response response, Callback callback) {
                String session = request.getHeaders().get("X-Kotae-Session");
                String seen = Request.getRemoteAddr(request) + " " + request.getHttpURI().getScheme() + " "
                        + Request.getServerName(request) + (session == null ? "" : " session=" + session);
                response.write(true, ByteBuffer.wrap(seen.getBytes(StandardCharsets.UTF_8)), callback);
                return true;
            }
        });
        jetty.start();
        try {
            return RawExchange.send(connector.getLocalPort(), "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n" + headers, false,
                    new byte[0], 0).body();
        } finally {
            jetty.stop();
        }
    }
}
