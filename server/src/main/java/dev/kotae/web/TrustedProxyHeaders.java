package dev.kotae.web;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.server.ForwardedRequestCustomizer;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Applies a reverse proxy's {@code Forwarded} and {@code X-Forwarded-For/-Proto/-Host/-Port} headers
 * (Jetty's {@link ForwardedRequestCustomizer}) only to requests whose connection comes from a configured
 * proxy ({@code server.trustedProxies}); from any other peer those headers are ignored, as if never sent.
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
                ? forwarded.customize(request, responseHeaders)
                : request;
    }

    private boolean isTrusted(SocketAddress peer) {
        if (trusted.isEmpty() || !(peer instanceof InetSocketAddress socket)) {
            return false;
        }
        InetAddress address = socket.getAddress();
        return address != null && trusted.test(address);
    }
}
