package dev.kotae.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Context;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Refuses URLs whose percent-encoding is broken ({@code %zz}, a cut-off {@code %E3%81}) or does not
 * decode to UTF-8. Jersey would otherwise decode them leniently into replacement characters and search
 * for garbage; a client with an encoding bug deserves a clear 400 instead.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class StrictEncodingFilter implements ContainerRequestFilter {

    // The servlet request holds the URL as sent; Jersey's own URI has already re-encoded stray '%'.
    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        String rawQuery = servletRequest.getQueryString();
        String rawPath = servletRequest.getRequestURI();
        if (!decodesCleanly(rawPath) || (rawQuery != null && !decodesCleanly(rawQuery))) {
            request.abortWith(ApiError.response(400, "bad_encoding",
                    "the URL is not valid percent-encoded UTF-8"));
        }
    }

    static boolean decodesCleanly(String raw) {
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high * 16 + low));
                i += 2;
            } else if (c > 0x7f) {
                return true; // already decoded by the container; nothing to check
            } else {
                bytes.put((byte) c);
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
