package dev.kotae.contact.destination;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.contact.ContactFields;
import dev.kotae.contact.ContactRequest;
import dev.kotae.contact.DeliveryException;
import dev.kotae.contact.Destination;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A contact destination that POSTs each request as JSON to a URL: {@code format: slack} sends a
 * Slack-compatible incoming-webhook message ({@code {"text": ...}}), {@code format: json} (the default)
 * every {@link ContactRequest} field. A 2xx answer is delivered; 4xx other than 408 and 429, and a
 * permanent redirect (301, 308; redirects are never followed), is a permanent refusal; anything else (5xx,
 * 408, 429, a temporary redirect, no answer) is retried. Errors name the host and status only: the
 * URL's path is often the secret (Slack's is).
 *
 * <p>Settings: {@code url} (http or https, required), {@code format} ({@code slack} or {@code json}),
 * {@code secretHeader} and {@code secret} (a header sent with each request, e.g. a shared secret the
 * receiver checks), {@code timeoutSeconds} (default 10: the whole attempt, the answer's body included).
 */
public final class WebhookDestination implements Destination {

    /** The two payloads. */
    public enum Format { SLACK, JSON }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> SETTINGS = Set.of("url", "format", "secretHeader", "secret", "timeoutSeconds");
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);

    private final String name;
    private final URI url;
    private final Format format;
    private final String secretHeader;
    private final String secret;
    private final Duration timeout;
    private final HttpClient client;

    public WebhookDestination(String name, URI url, Format format, String secretHeader, String secret,
            Duration timeout) {
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
            throw new IllegalArgumentException("url must be an http(s) address");
        }
        if ((secretHeader == null) != (secret == null)) {
            throw new IllegalArgumentException("secretHeader and secret go together");
        }
        this.name = name;
        this.url = url;
        this.format = format;
        this.secretHeader = secretHeader;
        this.secret = secret;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The destination of these settings ({@code contact.destinations.<name>} without {@code type}). */
    public static WebhookDestination of(String name, Map<String, Object> settings) {
        for (String key : settings.keySet()) {
            if (!SETTINGS.contains(key)) {
                throw new IllegalArgumentException(key + " is not a webhook setting (" + String.join(", ",
                        SETTINGS.stream().sorted().toList()) + ")");
            }
        }
        Object url = settings.get("url");
        if (!(url instanceof String text) || text.isBlank()) {
            throw new IllegalArgumentException("url is required");
        }
        URI uri;
        try {
            uri = URI.create(text.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("url is not an address");
        }
        String formatName = String.valueOf(settings.getOrDefault("format", "json")).strip().toLowerCase(Locale.ROOT);
        Format format = switch (formatName) {
            case "slack" -> Format.SLACK;
            case "json" -> Format.JSON;
            default -> throw new IllegalArgumentException("format must be slack or json");
        };
        Object timeout = settings.getOrDefault("timeoutSeconds", 10);
        if (!(timeout instanceof Integer seconds) || seconds < 1 || seconds > 300) {
            throw new IllegalArgumentException("timeoutSeconds must be a whole number from 1 to 300");
        }
        return new WebhookDestination(name, uri, format, text(settings.get("secretHeader")),
                text(settings.get("secret")), Duration.ofSeconds(seconds));
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public void deliver(ContactRequest request) throws DeliveryException {
        HttpRequest.Builder post = HttpRequest.newBuilder(url).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                // Lets a receiver that keeps it recognise a retry of a request it already took.
                .header("Idempotency-Key", request.id())
                .POST(HttpRequest.BodyPublishers.ofString(payload(request)));
        if (secretHeader != null) {
            post.header(secretHeader, secret);
        }
        HttpResponse<byte[]> response;
        try {
            response = HttpAttempt.send(client, post.build(), timeout);
        } catch (IOException e) {
            throw new DeliveryException("no answer from " + url.getHost() + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while sending to " + url.getHost(), e);
        }
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        if (status >= 300 && status < 400) {
            // Not followed: a receiver's redirect could send the customer's text anywhere. A moved address
            // (301, 308) stays moved, so retrying only delays the admin's fix; a temporary one is retried.
            boolean moved = status == 301 || status == 308;
            throw new DeliveryException("HTTP " + status + " from " + url.getHost() + ": redirects are not followed"
                    + (moved ? "; set the destination's url to the receiver's new address" : ""), null, moved);
        }
        boolean permanent = status >= 400 && status < 500 && status != 408 && status != 429;
        throw new DeliveryException("HTTP " + status + " from " + url.getHost(), null, permanent);
    }

    /** The body sent for {@code request} in this destination's format. */
    String payload(ContactRequest request) {
        try {
            return JSON.writeValueAsString(format == Format.SLACK ? Map.of("text", slackText(request)) : ContactFields.of(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    /** The message a Slack channel shows; the customer's text escaped so it cannot mention or link. */
    static String slackText(ContactRequest request) {
        StringBuilder text = new StringBuilder();
        text.append("*[").append(request.priority().key().toUpperCase(Locale.ROOT)).append("] ")
                .append(slack(request.categoryLabel())).append(": ").append(slack(request.subject())).append("*\n");
        text.append("From: ");
        if (request.name() != null) {
            text.append(slack(request.name())).append(' ');
        }
        text.append(slack(request.email())).append('\n');
        text.append(slack(request.description()));
        if (!request.articlesOpened().isEmpty()) {
            text.append("\nArticles opened: ").append(String.join(", ", request.articlesOpened()));
        }
        text.append("\nRequest ").append(request.id());
        return text.toString();
    }

    /** Slack's three control characters, escaped as its message format requires. */
    private static String slack(String value) {
        return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
