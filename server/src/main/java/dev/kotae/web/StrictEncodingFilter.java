package dev.kotae.web;

import jakarta.annotation.Priority;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.servlet.ServletContainer;

/**
 * Refuses URLs whose percent-encoding is broken ({@code %zz}, a cut-off {@code %E3%81}) or does not
 * decode to UTF-8. Jersey would otherwise decode them leniently into replacement characters and search
 * for garbage; a client with an encoding bug deserves a clear 400 instead.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
final class StrictEncodingFilter implements ContainerRequestFilter {

    /**
     * The servlet request attribute {@link Container} sets when the URL as sent does not decode. The raw
     * URL is only on the servlet request (Jersey's own URI has already re-encoded stray '%'), and reading
     * it here through an injected {@code HttpServletRequest} proxy cost more than the check itself.
     */
    static final String BAD_ENCODING = "dev.kotae.web.badEncoding";

    @Override
    public void filter(ContainerRequestContext request) {
        // Jersey's request properties are the servlet request's attributes.
        if (request.getProperty(BAD_ENCODING) != null) {
            request.abortWith(JettyErrorHandler.answer("/" + request.getUriInfo().getPath(false), 400, "bad_encoding",
                    "the URL is not valid percent-encoded UTF-8"));
        }
    }

    /** Whether the URL of a servlet request, as sent, is clean percent-encoded UTF-8. */
    static boolean decodesCleanly(HttpServletRequest request) {
        String rawQuery = request.getQueryString();
        return decodesCleanly(request.getRequestURI()) && (rawQuery == null || decodesCleanly(rawQuery));
    }

    /** Jersey's servlet, marking requests whose URL does not decode for the filter above. */
    static final class Container extends ServletContainer {
        private static final long serialVersionUID = 1L;

        Container(ResourceConfig config) {
            super(config);
        }

        @Override
        public void service(ServletRequest request, ServletResponse response) throws ServletException, IOException {
            if (request instanceof HttpServletRequest http && !decodesCleanly(http)) {
                request.setAttribute(BAD_ENCODING, Boolean.TRUE);
            }
            super.service(request, response);
        }
    }

    static boolean decodesCleanly(String raw) {
        if (raw.indexOf('%') < 0) {
            return true; // nothing encoded: ASCII as is, anything else already decoded by the container
        }
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
