package dev.kotae.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
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

    private static final List<HttpHeader> X_FORWARDED = List.of(HttpHeader.X_FORWARDED_FOR, HttpHeader.X_FORWARDED_PROTO,
            HttpHeader.X_FORWARDED_HOST, HttpHeader.X_FORWARDED_PORT, HttpHeader.X_FORWARDED_SERVER);

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

    /** The request with {@code Forwarded} removed and each {@code X-Forwarded-*} header cut to its last value. */
    private static Request nearestProxyOnly(Request request) {
        HttpFields headers = request.getHeaders();
        HttpFields.Mutable kept = HttpFields.build(headers.size());
        for (HttpField field : headers) {
            // A header Jetty has no constant for (X-Kotae-Session, say) has none: List.of's contains refuses null.
            HttpHeader known = field.getHeader();
            if (known == null || (known != HttpHeader.FORWARDED && !X_FORWARDED.contains(known))) {
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
