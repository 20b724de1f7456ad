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
import jakarta.ws.rs.core.MediaType;
import java.io.ByteArrayInputStream;
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
 * for garbage; a client with an encoding bug deserves a clear 400 instead. Form bodies
 * ({@code application/x-www-form-urlencoded}: the site's forms) are held to the same rule, and may not
 * hold U+0000 either: decoded leniently, a contact request went on to the team's mailbox and ticket
 * system as replacement characters, and a NUL with it. The body was already limited in size
 * ({@link RequestBodyLimit}) before it is read here.
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
    public void filter(ContainerRequestContext request) throws IOException {
        // Jersey's request properties are the servlet request's attributes.
        if (request.getProperty(BAD_ENCODING) != null) {
            request.abortWith(JettyErrorHandler.answer("/" + request.getUriInfo().getPath(false), 400, "bad_encoding",
                    "the URL is not valid percent-encoded UTF-8"));
            return;
        }
        // The type first: hasEntity() reads ahead, which would wait for a body the request's refusal does not need.
        if (isForm(request.getMediaType()) && request.hasEntity()) {
            byte[] body = request.getEntityStream().readAllBytes();
            request.setEntityStream(new ByteArrayInputStream(body));
            if (!formDecodesCleanly(body)) {
                request.abortWith(JettyErrorHandler.answer("/" + request.getUriInfo().getPath(false), 400,
                        "bad_encoding", "the form is not valid percent-encoded UTF-8, or holds U+0000"));
            }
        }
    }

    /**
     * Whether the body is a form's: exactly that type, never a wildcard ({@code *}{@code /*} is "compatible"
     * with it, and reading such a body here would wait for one the request's own refusal does not need).
     */
    private static boolean isForm(MediaType type) {
        return type != null && type.getType().equalsIgnoreCase("application")
                && type.getSubtype().equalsIgnoreCase("x-www-form-urlencoded");
    }

    /** Whether a form body decodes, every byte and percent-escape, to UTF-8 without U+0000. */
    static boolean formDecodesCleanly(byte[] body) {
        ByteBuffer bytes = ByteBuffer.allocate(body.length);
        for (int i = 0; i < body.length; i++) {
            byte b = body[i];
            if (b == '%') {
                if (i + 2 >= body.length) {
                    return false;
                }
                int high = Character.digit(body[i + 1], 16);
                int low = Character.digit(body[i + 2], 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                b = (byte) (high * 16 + low);
                i += 2;
            }
            if (b == 0) {
                return false;
            }
            bytes.put(b);
        }
        return strictUtf8(bytes.flip());
    }

    private static boolean strictUtf8(ByteBuffer bytes) {
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
        return strictUtf8(bytes.flip());
    }
}
