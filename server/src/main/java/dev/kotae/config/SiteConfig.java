package dev.kotae.config;

import java.net.URI;
import dev.kotae.content.ImageSources;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/**
 * The help-center web pages: {@code site:} in {@code kotae.yml}.
 *
 * @param name the help center's name in the page header, or {@code null} for the built-in
 *     「ヘルプセンター」/ "Help Center"
 * @param baseUrl the public address (e.g. {@code https://help.example.com}) used for canonical links and
 *     the sitemap, or {@code null} to use the address each request came to
 * @param contactUrl where "contact us" links go (a page, or a {@code mailto:}), or {@code null} for none
 * @param secureCookies {@code true} always marks cookies {@code Secure}, {@code false} never does, and
 *     {@code null} (the default) does so whenever the request came over HTTPS or to a loopback address,
 *     which browsers treat as secure
 * @param agentSession how long an agent stays signed in on the web pages without using them
 * @param sessionSecret the secret that signs session cookies and CSRF tokens, the same on every replica, or
 *     {@code null} for one generated and kept in the data folder (see {@link dev.kotae.auth.SigningKey})
 * @param imageSources where articles' images may be shown from besides the help center, or {@code null} for
 *     nowhere else
 * @param timeZone the zone the help center's people read and type times in (the editor's publish time,
 *     histories, the audit log, contact requests, and by default analytics' days), or {@code null} for
 *     {@link KotaeConfig#zone()}'s default
 */
public record SiteConfig(String name, URI baseUrl, String contactUrl, Boolean secureCookies, Duration agentSession,
        String sessionSecret, ImageSources imageSources, ZoneId timeZone) {

    public static final Duration DEFAULT_AGENT_SESSION = Duration.ofHours(12);

    public SiteConfig {
        if (baseUrl != null) {
            String scheme = baseUrl.getScheme();
            if (!("http".equals(scheme) || "https".equals(scheme)) || baseUrl.getHost() == null) {
                throw new IllegalArgumentException("site.baseUrl must be an http(s) address, e.g. https://help.example.com");
            }
            String text = baseUrl.toString();
            baseUrl = URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
        }
        if (contactUrl != null) {
            String lower = contactUrl.strip().toLowerCase(java.util.Locale.ROOT);
            if (!(lower.startsWith("https://") || lower.startsWith("http://") || lower.startsWith("mailto:")
                    || lower.startsWith("/"))) {
                throw new IllegalArgumentException("site.contactUrl must be an http(s), mailto: or /path address");
            }
            contactUrl = contactUrl.strip();
        }
        if (agentSession == null) {
            agentSession = DEFAULT_AGENT_SESSION;
        }
        if (agentSession.isNegative() || agentSession.isZero()) {
            throw new IllegalArgumentException("site.agentSessionHours must be at least 1");
        }
        if (sessionSecret != null) {
            dev.kotae.auth.SigningKey.of(sessionSecret); // refuses a short one now, not at the first sign-in
        }
        if (imageSources == null) {
            imageSources = ImageSources.none();
        }
    }

    /** The configured image sources and the origin of {@link #baseUrl}: the help center's own absolute addresses. */
    @Override
    public ImageSources imageSources() {
        return imageSources.including(baseUrl);
    }

        public SiteConfig withBaseUrl(URI value) {
        return new SiteConfig(name, value, contactUrl, secureCookies, agentSession, sessionSecret, this.imageSources, timeZone);
    }

    public SiteConfig withContactUrl(String value) {
        return new SiteConfig(name, baseUrl, value, secureCookies, agentSession, sessionSecret, this.imageSources, timeZone);
    }

    public SiteConfig withSessionSecret(String value) {
        return new SiteConfig(name, baseUrl, contactUrl, secureCookies, agentSession, value, this.imageSources, timeZone);
    }

    public SiteConfig withImageSources(List<String> value) {
        return new SiteConfig(name, baseUrl, contactUrl, secureCookies, agentSession, sessionSecret, ImageSources.of(value),
                timeZone);
    }

    public SiteConfig withTimeZone(ZoneId value) {
        return new SiteConfig(name, baseUrl, contactUrl, secureCookies, agentSession, sessionSecret, this.imageSources,
                value);
    }

    /** Never shows the secret: configurations end up in logs. */
    @Override
    public String toString() {
        return "SiteConfig[name=" + name + ", baseUrl=" + baseUrl + ", contactUrl=" + contactUrl + ", secureCookies="
                + secureCookies + ", agentSession=" + agentSession + ", sessionSecret="
                + (sessionSecret == null ? "generated" : "configured") + ", imageSources=" + imageSources + ", timeZone=" + timeZone + "]";
    }

    public static SiteConfig defaults() {
        return new SiteConfig(null, null, null, null, DEFAULT_AGENT_SESSION, null, ImageSources.none(), null);
    }
}
