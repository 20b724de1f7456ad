package dev.kotae.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.BadMessageException;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Applies a reverse proxy's {@code X-Forwarded-For/-Proto/-Host/-Port} headers (Jetty's
 * {@link ForwardedRequestCustomizer}) only to requests whose connection comes from a configured proxy
 * ({@code server.trustedProxies}); from any other peer those headers are ignored, as if never sent.
 *
 * <p>Even from a trusted proxy only what that proxy itself added counts: the last value of each
 * {@code X-Forwarded-*} header (proxies append theirs to whatever the client sent, on the same line or
 * on a line of their own), and never RFC 7239's {@code Forwarded}, which Jetty would rank above them and
 * which a proxy that does not use it passes on from the client untouched. Behind a chain of proxies,
 * the client address is the one the nearest proxy saw.
 *
 * <p>Only those four headers are believed. The others Jetty's customizer would also act on
 * ({@code X-Forwarded-Server} as the host, {@code X-Proxied-Https}, {@code Proxy-ssl-id} and
 * {@code Proxy-auth-cert} as "the scheme is https") are removed before it sees the request: common
 * proxies do not set them, so they would pass a client's own value through. {@code X-Forwarded-Proto}
 * must be {@code http} or {@code https} (in any case); anything else from a trusted proxy is a
 * misconfigured or tampered proxy and is refused with 400, like a malformed {@code X-Forwarded-Host}
 * or {@code -Port}, in the server's usual error body ({@link JettyErrorHandler}), rather than becoming
 * the scheme of links ({@code javascript://...}) or an unparsable URI.
 *
 * <p>The contract other parts rely on: after this customizer, Jetty's {@code Request.getRemoteAddr} and
 * the servlet {@code HttpServletRequest.getRemoteAddr()} are the real client's address (the proxy's
 * {@code X-Forwarded-For} entry when the peer is a trusted proxy, else the peer itself), and the scheme,
 * host and port are the ones a trusted proxy reported or the connection's own. Per-client limits (sign-in
 * and event throttling) key on that address, so a caller can neither spread its tries over invented
 * addresses nor spend another client's allowance; and a {@code Host} or {@code X-Forwarded-Host} from
 * an untrusted caller cannot make links or {@code Secure} cookies claim another origin.
 *
 * <p>It belongs on the connector's {@link HttpConfiguration}, so it runs before any handler sees the
 * request.
 */
final class TrustedProxyHeaders implements HttpConfiguration.Customizer {

    /** The headers believed from a trusted proxy, each by its last value. */
    private static final List<HttpHeader> X_FORWARDED = List.of(HttpHeader.X_FORWARDED_FOR, HttpHeader.X_FORWARDED_PROTO,
            HttpHeader.X_FORWARDED_HOST, HttpHeader.X_FORWARDED_PORT);
    /**
     * Headers Jetty's customizer reads but that are never believed, in lower case: removed from a trusted
     * proxy's requests (from anyone else's the customizer never runs).
     */
    private static final Set<String> NEVER_BELIEVED = Set.of("forwarded", "x-forwarded-server", "x-proxied-https",
            "proxy-ssl-id", "proxy-auth-cert");
    /** The schemes a proxy may report. */
    private static final Set<String> SCHEMES = Set.of("http", "https");

    private final InetAddressSet trusted = new InetAddressSet();
    private final ForwardedRequestCustomizer forwarded = new ForwardedRequestCustomizer();

    /**
     * @param trustedProxies IP addresses and CIDR ranges, already checked to be literals
     *     ({@code ServerConfig}), so that none is looked up in DNS
     */
    TrustedProxyHeaders(List<String> trustedProxies) {
        trustedProxies.forEach(trusted::add);
    }

    @Override
    public Request customize(Request request, HttpFields.Mutable responseHeaders) {
        return isTrusted(request.getConnectionMetaData().getRemoteSocketAddress())
                ? forwarded.customize(nearestProxyOnly(request), responseHeaders)
                : request;
    }

    /**
     * The request with the headers that are never believed removed and each believed {@code X-Forwarded-*}
     * header cut to its last value.
     *
     * @throws BadMessageException 400 if that last {@code X-Forwarded-Proto} is not {@code http} or {@code https}
     */
    private static Request nearestProxyOnly(Request request) {
        HttpFields headers = request.getHeaders();
        HttpFields.Mutable kept = HttpFields.build(headers.size());
        for (HttpField field : headers) {
            // By name: a header Jetty has no constant for (X-Kotae-Session, say) has a null getHeader().
            String name = field.getLowerCaseName();
            HttpHeader known = field.getHeader();
            boolean believed = known != null && X_FORWARDED.contains(known);
            if (!believed && !NEVER_BELIEVED.contains(name)) {
                kept.add(field);
            }
        }
        for (HttpHeader header : X_FORWARDED) {
            String last = null;
            for (String value : headers.getValuesList(header)) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        last = part.strip();
                    }
                }
            }
            if (last != null && header == HttpHeader.X_FORWARDED_PROTO) {
                last = last.toLowerCase(Locale.ROOT);
                if (!SCHEMES.contains(last)) {
                    throw new BadMessageException(400, "X-Forwarded-Proto is neither http nor https");
                }
            }
            if (last != null) {
                kept.put(header, last);
            }
        }
        HttpFields fixed = kept.asImmutable();
        return new Request.Wrapper(request) {
            @Override
            public HttpFields getHeaders() {
                return fixed;
            }
        };
    }

    private boolean isTrusted(SocketAddress peer) {
        if (trusted.isEmpty() || !(peer instanceof InetSocketAddress socket)) {
            return false;
        }
        InetAddress address = socket.getAddress();
        return address != null && trusted.test(address);
    }
}
