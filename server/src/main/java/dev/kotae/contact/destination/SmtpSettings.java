package dev.kotae.contact.destination;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The settings of an {@code smtp} contact destination: which server to hand the mail to, how, and who it is
 * from and to.
 *
 * <pre>{@code
 * type: smtp
 * host: smtp.example.com        # required
 * port: 587                     # default: 25 (tls: none), 587 (starttls), 465 (tls)
 * tls: starttls                 # none | starttls (default; refuses a server without it) | tls
 * username: kotae@example.com   # optional; with password
 * password: ...                 # never logged, never in toString
 * from: help@example.com        # required; the From address
 * to: support@example.com, lead@example.com   # required; comma-separated
 * timeoutSeconds: 10            # connect, read and write time-out; with tls none or starttls, the whole attempt (1-300)
 * }</pre>
 *
 * @param host the SMTP server
 * @param port its port
 * @param tls how the connection is protected
 * @param username the user to authenticate as, or {@code null} to send without authenticating
 * @param password its password, or {@code null} exactly when {@code username} is
 * @param from the From address
 * @param to the recipients, at least one
 * @param timeout how long connecting, and each read and write, may take; with {@code tls} none or starttls, the whole attempt too
 */
public record SmtpSettings(String host, int port, Tls tls, String username, String password, String from,
        List<String> to, Duration timeout) {

    /** The keys an {@code smtp} block may hold (besides {@code type}). */
    public static final List<String> KEYS =
            List.of("host", "port", "tls", "username", "password", "from", "to", "timeoutSeconds");

    /** Checks every value; the addresses must be plain, valid e-mail addresses. */
    public SmtpSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(timeout, "timeout");
        to = List.copyOf(to);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be from 1 to 65535, not " + port);
        }
        if ((username == null) != (password == null)) {
            throw new IllegalArgumentException("username and password go together: give both or neither");
        }
        if (to.isEmpty()) {
            throw new IllegalArgumentException("to needs at least one address");
        }
    }

    /**
     * Reads an {@code smtp} block of settings.
     *
     * @param name the destination's name, for messages
     * @throws IllegalArgumentException naming the missing, unknown or bad setting (never the password)
     */
    public static SmtpSettings parse(String name, Map<String, String> settings) {
        SettingsReader reader = new SettingsReader(name, "smtp", settings, KEYS);
        String host = reader.required("host", "the SMTP server's host name or address");
        // One colon is "host:port" (an IPv6 address has several): the port has its own key.
        if (host.chars().anyMatch(c -> c <= ' ' || c == '/' || c == '@')
                || host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
            throw reader.problem("host must be a host name or address alone (no scheme, port or spaces), not '"
                    + host + "'");
        }
        Tls tls;
        try {
            tls = Tls.parse(reader.optional("tls"));
        } catch (IllegalArgumentException e) {
            throw reader.problem(e.getMessage());
        }
        int port = reader.integer("port", tls.defaultPort, 1, 65535);
        String username = reader.optional("username");
        String password = settings == null ? null : settings.get("password");
        if (password != null && password.isEmpty()) {
            password = null;
        }
        if ((username == null) != (password == null)) {
            throw reader.problem("username and password go together: give both or neither");
        }
        String from = address(reader, "from", reader.required("from", "the address the mail is sent from"));
        List<String> to = new ArrayList<>();
        for (String part : reader.required("to", "the address(es) the mail goes to, comma-separated").split(",")) {
            if (!part.isBlank()) {
                to.add(address(reader, "to", part.strip()));
            }
        }
        if (to.isEmpty()) {
            throw reader.problem("to needs at least one address");
        }
        int timeoutSeconds = reader.integer("timeoutSeconds", 10, 1, 300);
        return new SmtpSettings(host, port, tls, username, password, from, to, Duration.ofSeconds(timeoutSeconds));
    }

    /** Like the record's, with the password hidden. */
    @Override
    public String toString() {
        return "SmtpSettings[host=" + host + ", port=" + port + ", tls=" + tls.key() + ", username=" + username
                + ", password=" + (password == null ? "none" : "***") + ", from=" + from + ", to=" + to
                + ", timeout=" + timeout + "]";
    }

    private static String address(SettingsReader reader, String key, String value) {
        try {
            InternetAddress address = new InternetAddress(value, true);
            address.validate();
            if (address.isGroup() || address.getPersonal() != null) {
                throw new AddressException("a plain address is expected");
            }
            return address.getAddress();
        } catch (AddressException e) {
            throw reader.problem(key + " must be plain e-mail addresses such as help@example.com, not '" + value + "'");
        }
    }

    /** How the connection to the SMTP server is protected. */
    public enum Tls {
        /** Plain text: only for a relay on the same host or network that needs no protection. */
        NONE(25),
        /** Plain connection upgraded with STARTTLS before anything is sent; a server that cannot is refused. */
        STARTTLS(587),
        /** TLS from the first byte (SMTPS, "implicit TLS"). */
        TLS(465);

        private final int defaultPort;

        Tls(int defaultPort) {
            this.defaultPort = defaultPort;
        }

        /** The settings spelling: {@code none}, {@code starttls} or {@code tls}. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The port used when the settings name none. */
        public int defaultPort() {
            return defaultPort;
        }

        /** Reads a settings spelling in any case; {@code null} means {@link #STARTTLS}. */
        public static Tls parse(String value) {
            if (value == null) {
                return STARTTLS;
            }
            for (Tls tls : values()) {
                if (tls.key().equals(value.strip().toLowerCase(Locale.ROOT))) {
                    return tls;
                }
            }
            throw new IllegalArgumentException("tls must be none, starttls or tls, not '" + value + "'");
        }
    }
}
