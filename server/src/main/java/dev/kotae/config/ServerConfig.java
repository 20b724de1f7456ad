package dev.kotae.config;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How the HTTP server treats what callers send: {@code server:} in {@code kotae.yml}.
 *
 * @param maxRequestBodyKilobytes the largest request body accepted, on every endpoint, before anything of
 *     it is buffered; a larger one is answered 413 (forms, votes, events and widget posts are a few
 *     kilobytes at most)
 * @param trustedProxies the addresses (e.g. {@code 10.0.0.5}, {@code ::1}) and CIDR ranges (e.g.
 *     {@code 10.0.0.0/8}) of reverse proxies whose {@code X-Forwarded-*} headers (their last value)
 *     are believed; from any other peer they are ignored. Empty (the default) trusts no one.
 * @param idleTimeoutSeconds how long a connection may stay silent, the request body of a client that stopped
 *     sending included, before the server gives up on it (a request whose body stalls is answered 408)
 */
public record ServerConfig(int maxRequestBodyKilobytes, List<String> trustedProxies, int idleTimeoutSeconds) {

    public static final int DEFAULT_MAX_REQUEST_BODY_KILOBYTES = 64;
    /** Jetty's own default: long enough for a slow phone, short enough that stalled clients do not pile up. */
    public static final int DEFAULT_IDLE_TIMEOUT_SECONDS = 30;
    public static final int MAX_IDLE_TIMEOUT_SECONDS = 3600;
    /** Catches a value meant in bytes; nothing Kotae accepts comes near it. */
    public static final int MAX_REQUEST_BODY_KILOBYTES = 16 * 1024;
    /**
     * An IPv4 or IPv6 literal, optionally with a CIDR {@code /prefix}. A host name is refused, so that
     * checking a peer never waits on DNS and no DNS answer decides trust.
     */
    private static final Pattern ADDRESS_OR_RANGE =
            Pattern.compile("([0-9]{1,3}(\\.[0-9]{1,3}){3}(/[0-9]{1,2})?)|([0-9a-f.]*:[0-9a-f.:]*(/[0-9]{1,3})?)");

    public ServerConfig {
        if (maxRequestBodyKilobytes < 1 || maxRequestBodyKilobytes > MAX_REQUEST_BODY_KILOBYTES) {
            throw new IllegalArgumentException("server.maxRequestBodyKilobytes must be 1-" + MAX_REQUEST_BODY_KILOBYTES);
        }
        if (idleTimeoutSeconds < 1 || idleTimeoutSeconds > MAX_IDLE_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException("server.idleTimeoutSeconds must be 1-" + MAX_IDLE_TIMEOUT_SECONDS);
        }
        trustedProxies = trustedProxies.stream().map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT)).toList();
        for (String entry : trustedProxies) {
            if (!ADDRESS_OR_RANGE.matcher(entry).matches() || !parses(entry)) {
                throw new IllegalArgumentException("server.trustedProxies entries are IP addresses or CIDR ranges"
                        + " (e.g. 10.0.0.5, 10.0.0.0/8, ::1), not '" + entry + "'");
            }
        }
    }

    public static ServerConfig defaults() {
        return new ServerConfig(DEFAULT_MAX_REQUEST_BODY_KILOBYTES, List.of(), DEFAULT_IDLE_TIMEOUT_SECONDS);
    }

    public ServerConfig withMaxRequestBodyKilobytes(int value) {
        return new ServerConfig(value, trustedProxies, idleTimeoutSeconds);
    }

    public ServerConfig withTrustedProxies(List<String> value) {
        return new ServerConfig(maxRequestBodyKilobytes, value, idleTimeoutSeconds);
    }

    public ServerConfig withIdleTimeoutSeconds(int value) {
        return new ServerConfig(maxRequestBodyKilobytes, trustedProxies, value);
    }

    /** The body limit in bytes. */
    public long maxRequestBodyBytes() {
        return maxRequestBodyKilobytes * 1024L;
    }

    /**
     * Whether Jetty's own matcher takes the entry (it refuses {@code 999.1.1.1} or {@code 1.2.3.4/33}),
     * checked now so a bad entry stops start-up before anything is opened. The pattern above has made
     * sure it is a literal, so this never asks DNS.
     */
    private static boolean parses(String entry) {
        try {
            new org.eclipse.jetty.util.InetAddressSet().add(entry);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** A comma-separated list as typed in an environment variable. */
    static List<String> list(String value) {
        return List.of(value.split(",")).stream().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }
}
