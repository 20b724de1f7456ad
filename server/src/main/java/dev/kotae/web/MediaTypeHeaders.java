package dev.kotae.web;

import dev.kotae.http.ApiError;
import jakarta.annotation.Priority;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.util.Set;

/**
 * Checks the media type headers a request sends before Jersey relies on them, so a malformed or
 * unsupported one is a clear 4xx in the usual shape (JSON, or the short page on page routes) instead of
 * Jersey's empty 400 or a 500 from deep inside form or JSON reading:
 * <ul>
 *   <li>{@code Content-Type} ({@link Unparsable}) or {@code Accept} that does not parse: 400
 *       {@code bad_header};</li>
 *   <li>a {@code Content-Type} charset Java does not know ({@code charset=bogus}), a JSON one other than
 *       UTF-8, or a pattern ({@code *}{@code /*}, {@code text/*}) rather than a type: 415
 *       {@code unsupported_media_type};</li>
 *   <li>no {@code Content-Type} at all on an endpoint that declares what it consumes (the forms, the
 *       JSON posts): 415 {@code unsupported_media_type}, naming what to send ({@link Declared});</li>
 *   <li>a body with a {@code Content-Encoding} other than {@code identity}: 415 {@code unsupported_media_type}.
 *       Nothing here decompresses a request body, so a gzipped one would otherwise be read as its
 *       compressed bytes (a puzzling 400), and a made-up encoding would be ignored.</li>
 * </ul>
 * {@code Accept-Language} is not checked here: only pages read it, and they fall back to the default
 * language when it does not parse.
 */
@PreMatching
@Priority(Priorities.AUTHENTICATION - 90)
final class MediaTypeHeaders implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getRequestUri().getRawPath();
        // Jersey parsed Content-Type already: one that does not parse never gets here (see Unparsable).
        MediaType type = request.getMediaType();
        if (type != null && (type.isWildcardType() || type.isWildcardSubtype())) {
            // Jersey matches */* to any @Consumes, and its form parameters then fail with a 500.
            request.abortWith(JettyErrorHandler.answer(path, 415, ApiError.codeFor(415),
                    "the Content-Type must name a media type, not a pattern such as */*"));
            return;
        }
        if (type != null) {
            String charset = type.getParameters().get(MediaType.CHARSET_PARAMETER);
            if (charset != null && !isKnownCharset(charset)) {
                request.abortWith(JettyErrorHandler.answer(path, 415, ApiError.codeFor(415),
                        "the Content-Type charset is not supported; send UTF-8"));
                return;
            }
            // JSON is read as UTF-8 whatever is declared (RFC 8259): a Latin-1 body would be misread
            // and refused for its fields, never for its encoding.
            if (charset != null && isJson(type) && !"UTF-8".equalsIgnoreCase(Charset.forName(charset.strip()).name())) {
                request.abortWith(JettyErrorHandler.answer(path, 415, ApiError.codeFor(415),
                        "JSON is read as UTF-8: send charset=utf-8, or no charset"));
                return;
            }
        }
        String encoding = request.getHeaderString(HttpHeaders.CONTENT_ENCODING);
        if (encoding != null && !encoding.isBlank() && !"identity".equalsIgnoreCase(encoding.strip())
                && request.hasEntity()) {
            request.abortWith(JettyErrorHandler.answer(path, 415, ApiError.codeFor(415),
                    "request bodies are accepted uncompressed only: send no Content-Encoding"));
            return;
        }
        try {
            request.getAcceptableMediaTypes();
        } catch (IllegalArgumentException | ProcessingException e) {
            request.abortWith(JettyErrorHandler.answer(path, 400, "bad_header",
                    "the Accept header is not a list of media types"));
        }
    }

    private static boolean isJson(MediaType type) {
        return type.getSubtype().equalsIgnoreCase("json") || type.getSubtype().toLowerCase(java.util.Locale.ROOT)
                .endsWith("+json");
    }

    private static boolean isKnownCharset(String name) {
        try {
            return Charset.isSupported(name.strip());
        } catch (IllegalCharsetNameException e) {
            return false;
        }
    }

    /**
     * Refuses a request without {@code Content-Type} to a method that declares what it consumes. Jersey
     * matches such a request anyway, and its form parameters then fail with an {@code IllegalStateException}
     * (a 500). Runs after matching, before any parameter is read.
     */
    @Priority(Priorities.HEADER_DECORATOR)
    static final class Declared implements ContainerRequestFilter {

        private static final Set<String> BODILESS = Set.of(HttpMethod.GET, HttpMethod.HEAD);

        @Context
        private ResourceInfo resource;

        @Override
        public void filter(ContainerRequestContext request) {
            // A GET or HEAD has no body to declare: the matched method is not looked up (through Jersey's
            // request-scoped proxy, a cost every search and suggestion paid).
            if (BODILESS.contains(request.getMethod())
                    || request.getHeaderString(HttpHeaders.CONTENT_TYPE) != null || resource == null) {
                return;
            }
            Method method = resource.getResourceMethod();
            Consumes consumes = method == null ? null : method.getAnnotation(Consumes.class);
            if (consumes == null && resource.getResourceClass() != null) {
                consumes = resource.getResourceClass().getAnnotation(Consumes.class);
            }
            if (consumes != null && consumes.value().length > 0) {
                request.abortWith(JettyErrorHandler.answer(request.getUriInfo().getRequestUri().getRawPath(), 415,
                        ApiError.codeFor(415), "send Content-Type: " + String.join(" or ", consumes.value())));
            }
        }
    }

    /**
     * Refuses a request whose {@code Content-Type} does not parse, as a servlet filter: Jersey's servlet
     * parses it before any JAX-RS filter or error mapper runs and answers such a request itself with an
     * empty 400.
     */
    static final class Unparsable extends HttpFilter {
        private static final long serialVersionUID = 1L;

        @Override
        protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            String contentType = request.getHeader(HttpHeaders.CONTENT_TYPE);
            if (contentType != null && !parses(contentType)) {
                JettyErrorHandler.write(request.getRequestURI(), response, 400,
                        ApiError.of("bad_header", "the Content-Type header is not a media type"));
                return;
            }
            chain.doFilter(request, response);
        }

        private static boolean parses(String contentType) {
            try {
                MediaType.valueOf(contentType);
                return true;
            } catch (IllegalArgumentException | ProcessingException e) {
                return false;
            }
        }
    }
}
