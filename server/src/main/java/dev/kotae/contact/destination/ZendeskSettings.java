package dev.kotae.contact.destination;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/**
 * The settings of a {@code zendesk} contact destination: which Zendesk (or Zendesk-compatible API) to create
 * tickets in, as whom, and how to file them.
 *
 * <pre>{@code
 * type: zendesk
 * baseUrl: https://example.zendesk.com   # required; https (http only to this machine)
 * email: agent@example.com               # required; the agent the API token belongs to
 * apiToken: ...                          # required; never logged, never in toString
 * groupId: 360001234567                  # optional; the group tickets are assigned to
 * tags: kotae, web-form                  # optional; default kotae; the category id is always added
 * timeoutSeconds: 10                     # the whole attempt, answer included (1-300)
 * }</pre>
 *
 * @param baseUrl the API's address, without a trailing {@code /}
 * @param email the agent's e-mail address
 * @param apiToken the agent's API token
 * @param groupId the group new tickets are assigned to, if any
 * @param tags the tags every ticket gets (Zendesk's form: lower case, no blanks)
 * @param timeout how long one attempt may take in all: connecting, sending and the whole answer
 */
public record ZendeskSettings(URI baseUrl, String email, String apiToken, OptionalLong groupId, List<String> tags,
        Duration timeout) {

    /** The keys a {@code zendesk} block may hold (besides {@code type}). */
    public static final List<String> KEYS = List.of("baseUrl", "email", "apiToken", "groupId", "tags", "timeoutSeconds");

    // Zendesk turns blanks into tag separators and lower-cases tags; a comma would split one here.
    private static final Pattern TAG = Pattern.compile("[^\\s,]{1,80}");

    /** Checks the values that cannot be wrong whoever built the record. */
    public ZendeskSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(apiToken, "apiToken");
        Objects.requireNonNull(groupId, "groupId");
        Objects.requireNonNull(timeout, "timeout");
        tags = List.copyOf(tags);
    }

    /**
     * Reads a {@code zendesk} block of settings.
     *
     * @param name the destination's name, for messages
     * @throws IllegalArgumentException naming the missing, unknown or bad setting (never the token)
     */
    public static ZendeskSettings parse(String name, Map<String, String> settings) {
        SettingsReader reader = new SettingsReader(name, "zendesk", settings, KEYS);
        URI baseUrl = baseUrl(reader, reader.required("baseUrl", "the Zendesk address, e.g. https://example.zendesk.com"));
        String email = reader.required("email", "the e-mail address of the agent the API token belongs to");
        if (email.indexOf('@') < 1 || email.chars().anyMatch(c -> c <= ' ' || c == ':')) {
            throw reader.problem("email must be the agent's e-mail address, not '" + email + "'");
        }
        String apiToken = reader.required("apiToken", "an API token of that agent (Admin Center > Apps and "
                + "integrations > Zendesk API)");
        if (apiToken.chars().anyMatch(c -> c <= ' ')) {
            throw reader.problem("apiToken must not contain blanks or line breaks");
        }
        OptionalLong groupId = OptionalLong.empty();
        String group = reader.optional("groupId");
        if (group != null) {
            try {
                long id = Long.parseLong(group);
                if (id < 1) {
                    throw new NumberFormatException();
                }
                groupId = OptionalLong.of(id);
            } catch (NumberFormatException e) {
                throw reader.problem("groupId must be a Zendesk group id (a positive whole number), not '" + group + "'");
            }
        }
        List<String> tags = new ArrayList<>();
        String tagList = reader.optional("tags");
        for (String tag : (tagList == null ? "kotae" : tagList).split(",")) {
            if (tag.isBlank()) {
                continue;
            }
            String normal = tag.strip().toLowerCase(Locale.ROOT);
            if (!TAG.matcher(normal).matches()) {
                throw reader.problem("tags must be comma-separated words without blanks, not '" + tag.strip() + "'");
            }
            if (!tags.contains(normal)) {
                tags.add(normal);
            }
        }
        int timeoutSeconds = reader.integer("timeoutSeconds", 10, 1, 300);
        return new ZendeskSettings(baseUrl, email, apiToken, groupId, tags, Duration.ofSeconds(timeoutSeconds));
    }

    /** Like the record's, with the API token hidden. */
    @Override
    public String toString() {
        return "ZendeskSettings[baseUrl=" + baseUrl + ", email=" + email + ", apiToken=***, groupId="
                + (groupId.isPresent() ? Long.toString(groupId.getAsLong()) : "none") + ", tags=" + tags
                + ", timeout=" + timeout + "]";
    }

    /**
     * An absolute https URL with a host and nothing after the path; http only when the host is this machine
     * (a local stub or proxy), because the token travels in every request.
     */
    private static URI baseUrl(SettingsReader reader, String value) {
        String bad = "baseUrl must be an https URL such as https://example.zendesk.com, not '" + value + "'";
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw reader.problem(bad);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
                || uri.getRawFragment() != null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw reader.problem(bad);
        }
        if (scheme.equals("http") && !loopback(uri.getHost())) {
            throw reader.problem("baseUrl must use https: the API token is sent with every request (http is "
                    + "accepted only for this machine), not '" + value + "'");
        }
        String text = uri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        return URI.create(text);
    }

    private static boolean loopback(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (bare.equalsIgnoreCase("localhost")) {
            return true;
        }
        // Only literal addresses are looked at: a name is never resolved here.
        if (!bare.matches("[0-9.]+") && !bare.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
