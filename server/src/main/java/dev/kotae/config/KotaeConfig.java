package dev.kotae.config;

import dev.kotae.auth.TokenAuthenticator;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;

/**
 * The server's settings after defaults, {@code kotae.yml}, {@code KOTAE_*} variables and command-line
 * flags have been merged (in that order, later wins). See {@code docs/configuration.md}.
 */
public record KotaeConfig(
        String host,
        int port,
        Path content,
        Path data,
        PluginsConfig plugins,
        String defaultLocale,
        List<String> locales,
        List<TokenAuthenticator.Token> tokens,
        SiteConfig site,
        AnalyticsConfig analytics,
        SearchConfig search,
        ServerConfig server,
        EditorConfig editor,
        LearningConfig learning,
        ContactConfig contact) {

    public KotaeConfig {
        if (contact == null) {
            contact = ContactConfig.defaults();
        }
        locales = List.copyOf(locales);
        tokens = List.copyOf(tokens);
        if (learning == null) {
            learning = LearningConfig.defaults();
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0-65535 (0 picks a free port)");
        }
    }

    /**
     * The help center's time zone, the one its people read and type times in: {@code site.timeZone}, else
     * {@code analytics.timeZone} (the one zone a team set before {@code site.timeZone} existed), else the
     * zone of the default locale ({@link AnalyticsConfig#zone}: Asia/Tokyo for Japanese, UTC otherwise).
     * Never the server machine's zone, which says where it runs, not whom it serves.
     */
    public ZoneId zone() {
        return site.timeZone() != null ? site.timeZone() : analytics.zone(defaultLocale);
    }

    /** The zone analytics counts days and weeks in: {@code analytics.timeZone}, else {@link #zone()}. */
    public ZoneId reportsZone() {
        return analytics.timeZone() != null ? analytics.timeZone() : zone();
    }

    /** The built-in defaults: serve {@code ./content} on port 8080, Japanese first. */
    public static KotaeConfig defaults() {
        return new KotaeConfig("0.0.0.0", 8080, Path.of("content"), Path.of("data"), PluginsConfig.none(), "ja",
                List.of("ja", "en"), List.of(), SiteConfig.defaults(), AnalyticsConfig.defaults(),
                SearchConfig.defaults(), ServerConfig.defaults(), EditorConfig.defaults(), LearningConfig.defaults(),
                ContactConfig.defaults());
    }

    public KotaeConfig withHost(String value) {
        return new KotaeConfig(value, port, content, data, plugins, defaultLocale, locales, tokens, site,
                analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withPort(int value) {
        return new KotaeConfig(host, value, content, data, plugins, defaultLocale, locales, tokens, site,
                analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withContent(Path value) {
        return new KotaeConfig(host, port, value, data, plugins, defaultLocale, locales, tokens, site,
                analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withData(Path value) {
        return new KotaeConfig(host, port, content, value, plugins, defaultLocale, locales, tokens, site,
                analytics, search, server, editor, learning, contact);
    }

    /** Sets the plugin folder, keeping the plugins' settings. */
    public KotaeConfig withPlugins(Path value) {
        return withPlugins(plugins.withDir(value));
    }

    public KotaeConfig withPlugins(PluginsConfig value) {
        return new KotaeConfig(host, port, content, data, value, defaultLocale, locales, tokens, site,
                analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withDefaultLocale(String value) {
        return new KotaeConfig(host, port, content, data, plugins, value, locales, tokens, site, analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withLocales(List<String> value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, value, tokens, site,
                analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withSite(SiteConfig value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, tokens, value,
                analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withTokens(List<TokenAuthenticator.Token> value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, value, site,
                analytics, search, server, editor, learning, contact);
    }

    public KotaeConfig withAnalytics(AnalyticsConfig value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, tokens, site, value, search, server, editor, learning, contact);
    }

    public KotaeConfig withSearch(SearchConfig value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, tokens, site,
                analytics, value, server, editor, learning, contact);
    }

    public KotaeConfig withServer(ServerConfig value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, tokens, site,
                analytics, search, value, editor, learning, contact);
    }

    public KotaeConfig withEditor(EditorConfig value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, tokens, site,
                analytics, search, server, value, learning, contact);
    }

    public KotaeConfig withLearning(LearningConfig value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, tokens, site,
                analytics, search, server, editor, value, contact);
    }

    public KotaeConfig withContact(ContactConfig value) {
        return new KotaeConfig(host, port, content, data, plugins, defaultLocale, locales, tokens, site,
                analytics, search, server, editor, learning, value);
    }
}
