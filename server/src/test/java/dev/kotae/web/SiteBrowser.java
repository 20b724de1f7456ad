package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.kotae.http.BrowserCookies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A browser for page tests over real HTTP: a cookie jar kept by hand (the server marks cookies
 * {@code Secure} on 127.0.0.1, which Java's cookie manager would not send over plain HTTP), a browser's
 * {@code Accept}, no redirects followed, and sign-in through the {@code /login} form. It may send headers
 * of its own with every request (a trusted proxy's {@code X-Forwarded-For}) and show every response to a
 * hook (to look for what must never be in one).
 */
final class SiteBrowser {

    static final String ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    /** One answer: status, headers and body, parsed as HTML on demand. */
    record Page(int status, java.net.http.HttpHeaders headers, String body) {
        Document html() {
            return Jsoup.parse(body);
        }

        String location() {
            return headers.firstValue("location").orElse("");
        }

        /** Every value of a header, joined by {@code ", "}; empty if there is none. */
        String header(String name) {
            return String.join(", ", headers.allValues(name));
        }
    }

    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> cookies = new LinkedHashMap<>();
    private final Map<String, String> extraHeaders;
    private final Consumer<HttpResponse<String>> onResponse;

    SiteBrowser(String base) {
        this(base, Map.of(), response -> {});
    }

    /**
     * @param extraHeaders sent with every request
     * @param onResponse given every response, before it is checked
     */
    SiteBrowser(String base, Map<String, String> extraHeaders, Consumer<HttpResponse<String>> onResponse) {
        this.base = base;
        this.extraHeaders = Map.copyOf(extraHeaders);
        this.onResponse = onResponse;
    }

    /** A browser signed in with {@code token} through the sign-in form. */
    static SiteBrowser signedIn(String base, String token) {
        SiteBrowser browser = new SiteBrowser(base);
        Page login = browser.get("/login");
        Page done = browser.post("/login", Map.of("csrf", formCsrf(login.html()), "token", token, "next", "/"));
        if (done.status() != 303 || !browser.cookies.containsKey(BrowserCookies.SESSION)) {
            throw new AssertionError("sign-in failed (" + done.status() + "): " + done.body());
        }
        return browser;
    }

    Page get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    Page post(String path, Map<String, String> form) {
        return postEncoded(path, form, Map.of());
    }

    /**
     * A form post whose {@code encoded} fields are sent as given, already percent-encoded (broken on
     * purpose, say), after the {@code form} fields encoded as a browser would.
     */
    Page postEncoded(String path, Map<String, String> form, Map<String, String> encoded) {
        String body = java.util.stream.Stream.concat(
                form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())),
                encoded.entrySet().stream().map(e -> enc(e.getKey()) + "=" + e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** A form post from the page at {@code fromPage}, which a browser names in {@code Referer}. */
    Page postFrom(String fromPage, String path, Map<String, String> form) {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Referer", base + fromPage)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
    }

    /** The CSRF token of the first form with one. */
    static String formCsrf(Document page) {
        Element input = page.selectFirst("form input[type=hidden][name=csrf]");
        assertNotNull(input, "no form with a csrf field");
        return input.attr("value");
    }

    /**
     * The fields a browser would send for {@code formSelector}: every named input, select and textarea that
     * is not disabled (buttons are left to the caller, who says which was pressed).
     */
    static Map<String, String> formFields(Document page, String formSelector) {
        Element form = page.selectFirst(formSelector);
        assertNotNull(form, "no " + formSelector);
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element field : form.select("input[name], select[name], textarea[name]")) {
            if (field.hasAttr("disabled") || field.closest("fieldset[disabled]") != null
                    || field.attr("type").equals("file")) {
                continue;
            }
            String value = switch (field.tagName()) {
                case "textarea" -> field.wholeText().startsWith("\n") ? field.wholeText().substring(1) : field.wholeText();
                case "select" -> {
                    Element selected = field.selectFirst("option[selected]");
                    yield selected != null ? selected.attr("value")
                            : field.selectFirst("option") == null ? "" : field.selectFirst("option").attr("value");
                }
                default -> field.attr("value");
            };
            fields.put(field.attr("name"), value);
        }
        return fields;
    }

    private Page send(HttpRequest.Builder request) {
        request.header("Accept", ACCEPT);
        extraHeaders.forEach(request::header);
        if (!cookies.isEmpty()) {
            request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; ")));
        }
        try {
            HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            onResponse.accept(response);
            for (String header : response.headers().allValues("set-cookie")) {
                String pair = header.split(";", 2)[0];
                int eq = pair.indexOf('=');
                String name = pair.substring(0, eq).strip();
                String value = pair.substring(eq + 1).strip().replaceAll("^\"|\"$", "");
                if (value.isEmpty() || header.toLowerCase(java.util.Locale.ROOT).contains("max-age=0")) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
            assertNotEquals(500, response.statusCode(), () -> request.build().uri() + ": " + response.body());
            return new Page(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
