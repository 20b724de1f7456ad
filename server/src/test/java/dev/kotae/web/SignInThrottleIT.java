package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.SignInThrottle;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Guessing tokens is slowed per client address, over the API's bearer tokens and the sign-in page alike,
 * while other addresses and right tokens are not.
 */
class SignInThrottleIT extends SampleServerIT {

    @Test
    void wrongBearerTokensFromOneAddressAreThrottledAndOtherAddressesAreNot() throws Exception {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            assertEquals(401, server.get("/api/v1/admin/status", "wrong-token-" + i).status());
        }
        KotaeServer.Reply throttled = server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN);
        assertEquals(429, throttled.status(), "even the right token waits: " + throttled.body());
        assertEquals("too_many_attempts", throttled.json().path("error").path("code").asText());
        assertTrue(Long.parseLong(throttled.header("retry-after")) >= 1, throttled.headers().toString());
        assertEquals(200, server.get("/api/v1/search?q=x").status(), "anonymous use goes on");

        String fromOther = fromAddress("127.0.0.2", "GET /api/v1/admin/status HTTP/1.1\r\nAuthorization: Bearer "
                + KotaeServer.ADMIN_TOKEN);
        assertTrue(fromOther.startsWith("HTTP/1.1 200"), "another address is not slowed: " + fromOther);

        // The sign-in page from the throttled address says so, as a page.
        String page = fromAddress("127.0.0.1", "GET /login HTTP/1.1\r\nAccept: text/html");
        String cookie = page.lines().filter(l -> l.toLowerCase().startsWith("set-cookie: kotae_csrf="))
                .map(l -> l.substring("set-cookie: ".length()).split(";", 2)[0]).findFirst().orElseThrow();
        java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"").matcher(page);
        assertTrue(csrf.find(), page);
        String body = "csrf=" + csrf.group(1) + "&token=" + KotaeServer.AGENT_TOKEN + "&next=%2F";
        String signIn = fromAddress("127.0.0.1", "POST /login HTTP/1.1\r\nAccept: text/html\r\nCookie: " + cookie
                + "\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: " + body.length(), body);
        assertTrue(signIn.startsWith("HTTP/1.1 429"), signIn);
        assertTrue(signIn.toLowerCase().contains("retry-after: "), signIn);
        assertTrue(signIn.contains("<form") && signIn.contains("class=\"login-form"), "the form, with a message: " + signIn);
    }

    /** A raw request sent from {@code local} (any 127/8 address is this machine), answered whole. */
    private static String fromAddress(String local, String head) throws Exception {
        return fromAddress(local, head, "");
    }

    private static String fromAddress(String local, String head, String body) throws Exception {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(local, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n" + body).getBytes(StandardCharsets.UTF_8));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
