package dev.kotae.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kotae.content.ImageSources;
import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges configuration sources: built-in defaults, then the YAML file, then {@code KOTAE_*} environment
 * variables. (Command-line flags are applied last by the caller.) Unknown YAML keys are errors, so a typo
 * does not silently fall back to a default.
 */
public final class ConfigLoader {

    /** The YAML file's shape; every key optional. */
    record FileConfig(String host, Integer port, String content, String data, JsonNode plugins, String defaultLocale,
            List<String> locales, Auth auth, Site site,
            Analytics analytics, Search search, Server server, Editor editor, Learning learning, JsonNode contact) {
        record Auth(List<TokenEntry> tokens) {}

        record TokenEntry(String name, String token, String role) {}

        record Search(Integer cacheMegabytes, Integer concurrency, String ranking, Integer warmMillis) {}

        record Analytics(String jdbcUrl, String user, String password, Integer retentionDays, Long journalMaxMb,
                Long journalFsyncMillis, Integer eventsPerMinutePerClient, String timeZone, Digest digest) {}

        record Digest(String webhookUrl, String format, String day, Integer hour, DigestTargets targets) {}

        record DigestTargets(Double zeroResultRate, Double helpfulRate, Double deflectionRate, Long contactVolume) {}

        record Server(Integer maxRequestBodyKilobytes, List<String> trustedProxies, Integer idleTimeoutSeconds) {}

        record Learning(Boolean enabled, String mode, Integer minSessions, Integer minAddresses, Integer halfLifeDays,
                Integer intervalSeconds) {}

        record Editor(String review, Integer maxImageKilobytes, String authorEmailDomain, String history) {}

        record Site(String name, String baseUrl, String contactUrl, Boolean secureCookies, Integer agentSessionHours,
                String sessionSecret, List<String> imageSources, String timeZone) {}
    }

    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ConfigLoader() {}

    /**
     * Loads the configuration.
     *
     * @param file the YAML file, or {@code null} to use {@code ./kotae.yml} when it exists
     * @param env the environment (normally {@link System#getenv()})
     */
    public static KotaeConfig load(Path file, Map<String, String> env) throws IOException {
        KotaeConfig config = KotaeConfig.defaults();
        Path chosen = file;
        if (chosen == null && env.containsKey("KOTAE_CONFIG")) {
            chosen = Path.of(env.get("KOTAE_CONFIG"));
        }
        if (chosen == null && Files.isRegularFile(Path.of("kotae.yml"))) {
            chosen = Path.of("kotae.yml");
        }
        if (chosen != null) {
            if (!Files.isRegularFile(chosen)) {
                throw new IOException("config file not found: " + chosen);
            }
            config = applyFile(config, chosen);
        }
        return applyEnv(config, env);
    }

    private static KotaeConfig applyFile(KotaeConfig config, Path file) throws IOException {
        FileConfig yaml;
        try (JsonParser parser = YAML.createParser(file.toFile())) {
            // An empty or comments-only file has no tokens at all; it means "no settings", not an error.
            yaml = parser.nextToken() == null ? null : YAML.readValue(parser, FileConfig.class);
        } catch (IOException e) {
            throw new IOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        if (yaml == null) {
            return config;
        }
        Path base = file.toAbsolutePath().getParent();
        if (yaml.host() != null) config = config.withHost(yaml.host());
        if (yaml.port() != null) config = config.withPort(yaml.port());
        if (yaml.content() != null) config = config.withContent(base.resolve(yaml.content()));
        if (yaml.data() != null) config = config.withData(base.resolve(yaml.data()));
        if (yaml.plugins() != null) config = config.withPlugins(readPlugins(yaml.plugins(), base));
        if (yaml.defaultLocale() != null) config = config.withDefaultLocale(yaml.defaultLocale());
        if (yaml.locales() != null) config = config.withLocales(yaml.locales());
        if (yaml.auth() != null && yaml.auth().tokens() != null) {
            List<TokenAuthenticator.Token> tokens = new ArrayList<>();
            for (FileConfig.TokenEntry entry : yaml.auth().tokens()) {
                tokens.add(new TokenAuthenticator.Token(entry.name(), entry.token(), Role.parse(entry.role())));
            }
            config = config.withTokens(tokens);
        }
        if (yaml.site() != null) config = config.withSite(readSite(yaml.site()));
        if (yaml.analytics() != null) config = config.withAnalytics(readAnalytics(config.analytics(), yaml.analytics()));
        if (yaml.search() != null) {
            try {
                SearchConfig search = config.search();
                if (yaml.search().cacheMegabytes() != null) {
                    search = search.withCacheMegabytes(yaml.search().cacheMegabytes());
                }
                if (yaml.search().concurrency() != null) {
                    search = search.withConcurrency(yaml.search().concurrency());
                }
                if (yaml.search().ranking() != null) {
                    search = search.withRanking(SearchConfig.Ranking.parse(yaml.search().ranking()));
                }
                if (yaml.search().warmMillis() != null) {
                    search = search.withWarmMillis(yaml.search().warmMillis());
                }
                config = config.withSearch(search);
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        if (yaml.server() != null) config = config.withServer(readServer(config.server(), yaml.server()));
        if (yaml.editor() != null) config = config.withEditor(readEditor(config.editor(), yaml.editor()));
        if (yaml.learning() != null) config = config.withLearning(readLearning(config.learning(), yaml.learning()));
        if (yaml.contact() != null) {
            try {
                config = config.withContact(ContactConfig.read(yaml.contact(), config.contact()));
            } catch (IllegalArgumentException e) {
                throw new IOException(e.getMessage(), e);
            }
        }
        return config;
    }

    private static EditorConfig readEditor(EditorConfig editor, FileConfig.Editor yaml) throws IOException {
        try {
            if (yaml.review() != null) editor = editor.withReviewRequired(EditorConfig.parseReview(yaml.review()));
            if (yaml.maxImageKilobytes() != null) editor = editor.withMaxImageKilobytes(yaml.maxImageKilobytes());
            if (yaml.authorEmailDomain() != null) editor = editor.withAuthorEmailDomain(yaml.authorEmailDomain().strip());
            if (yaml.history() != null) editor = editor.withHistory(EditorConfig.History.parse(yaml.history()));
            return editor;
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static LearningConfig readLearning(LearningConfig learning, FileConfig.Learning yaml) throws IOException {
        try {
            return learning(learning, yaml.enabled(), yaml.mode(), yaml.minSessions(), yaml.minAddresses(),
                    yaml.halfLifeDays() == null ? null : yaml.halfLifeDays().longValue(),
                    yaml.intervalSeconds() == null ? null : yaml.intervalSeconds().longValue());
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /** The learning settings with those given (not {@code null}) applied, from YAML or the environment alike. */
    private static LearningConfig learning(LearningConfig learning, Boolean enabled, String mode, Integer minSessions,
            Integer minAddresses, Long halfLifeDays, Long intervalSeconds) {
        if (enabled != null) learning = learning.withEnabled(enabled);
        if (mode != null) learning = learning.withMode(LearningConfig.parseMode(mode));
        if (minSessions != null || minAddresses != null) {
            learning = learning.withMinimums(minSessions == null ? learning.minSessions() : minSessions,
                    minAddresses == null ? learning.minAddresses() : minAddresses);
        }
        if (halfLifeDays != null) {
            if (halfLifeDays < 1 || halfLifeDays > 3650) {
                throw new IllegalArgumentException("learning.halfLifeDays must be between 1 and 3650");
            }
            learning = learning.withHalfLife(Duration.ofDays(halfLifeDays));
        }
        if (intervalSeconds != null) {
            if (intervalSeconds < 1 || intervalSeconds > 86_400) {
                throw new IllegalArgumentException("learning.intervalSeconds must be between 1 and 86400");
            }
            learning = learning.withInterval(Duration.ofSeconds(intervalSeconds));
        }
        return learning;
    }

    private static ServerConfig readServer(ServerConfig server, FileConfig.Server yaml) throws IOException {
        try {
            if (yaml.maxRequestBodyKilobytes() != null) server = server.withMaxRequestBodyKilobytes(yaml.maxRequestBodyKilobytes());
            if (yaml.trustedProxies() != null) server = server.withTrustedProxies(yaml.trustedProxies());
            if (yaml.idleTimeoutSeconds() != null) server = server.withIdleTimeoutSeconds(yaml.idleTimeoutSeconds());
            return server;
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    /**
     * {@code plugins:} is either the plugin folder ({@code plugins: ./plugins}) or a block with the folder
     * ({@code dir}), the call time limit ({@code timeoutSeconds}) and one block per plugin id.
     */
    private static PluginsConfig readPlugins(JsonNode node, Path base) throws IOException {
        if (node.isTextual()) {
            return new PluginsConfig(base.resolve(node.asText()), PluginsConfig.DEFAULT_TIMEOUT, Map.of(), base);
        }
        if (!node.isObject()) {
            throw new IOException("plugins: must be a folder or a block with dir, timeoutSeconds and plugin settings");
        }
        Path dir = null;
        Duration timeout = PluginsConfig.DEFAULT_TIMEOUT;
        Map<String, Map<String, Object>> settings = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            JsonNode value = field.getValue();
            switch (field.getKey()) {
                case "dir" -> dir = base.resolve(value.asText());
                case "timeoutSeconds" -> {
                    if (!value.canConvertToInt() || value.asInt() < 1) {
                        throw new IOException("plugins.timeoutSeconds must be a whole number of seconds, at least 1");
                    }
                    timeout = Duration.ofSeconds(value.asInt());
                }
                default -> {
                    if (!value.isObject() && !value.isNull()) {
                        throw new IOException("plugins." + field.getKey() + " must be a block of that plugin's settings");
                    }
                    Map<String, Object> block = value.isNull() ? Map.of() : YAML.convertValue(value, SETTINGS_TYPE);
                    settings.put(field.getKey(), block);
                }
            }
        }
        return new PluginsConfig(dir, timeout, settings, base);
    }

    private static SiteConfig readSite(FileConfig.Site site) throws IOException {
        try {
            return new SiteConfig(site.name(), site.baseUrl() == null ? null : java.net.URI.create(site.baseUrl()),
                    site.contactUrl(), site.secureCookies(),
                    site.agentSessionHours() == null ? null : Duration.ofHours(site.agentSessionHours()),
                    site.sessionSecret(), site.imageSources() == null ? null : ImageSources.of(site.imageSources()),
                    site.timeZone() == null ? null : AnalyticsConfig.zoneNamed("site.timeZone", site.timeZone()));
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static AnalyticsConfig readAnalytics(AnalyticsConfig analytics, FileConfig.Analytics yaml) throws IOException {
        try {
            if (yaml.jdbcUrl() != null) analytics = analytics.withJdbcUrl(yaml.jdbcUrl());
            if (yaml.user() != null) analytics = analytics.withUser(yaml.user());
            if (yaml.password() != null) analytics = analytics.withPassword(yaml.password());
            if (yaml.retentionDays() != null) analytics = analytics.withRetention(AnalyticsConfig.days(yaml.retentionDays().toString()));
            if (yaml.journalMaxMb() != null) analytics = analytics.withJournalMaxMb(yaml.journalMaxMb());
            if (yaml.eventsPerMinutePerClient() != null) {
                analytics = analytics.withEventsPerMinute(yaml.eventsPerMinutePerClient());
            }
            if (yaml.journalFsyncMillis() != null) {
                analytics = analytics.withJournalFsync(java.time.Duration.ofMillis(yaml.journalFsyncMillis()));
            }
            if (yaml.timeZone() != null) analytics = analytics.withTimeZone(AnalyticsConfig.zoneNamed("analytics.timeZone", yaml.timeZone()));
            if (yaml.digest() != null) {
                FileConfig.DigestTargets targets = yaml.digest().targets();
                analytics = analytics.withDigest(DigestConfig.of(yaml.digest().webhookUrl(), yaml.digest().format(),
                        yaml.digest().day(), yaml.digest().hour(), targets == null ? null
                                : new DigestConfig.Targets(targets.zeroResultRate(), targets.helpfulRate(),
                                        targets.deflectionRate(), targets.contactVolume())));
            }
            return analytics;
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static final TypeReference<Map<String, Object>> SETTINGS_TYPE = new TypeReference<>() {};

    private static KotaeConfig applyEnv(KotaeConfig config, Map<String, String> env) {
        String value;
        if ((value = env.get("KOTAE_HOST")) != null) config = config.withHost(value);
        if ((value = env.get("KOTAE_PORT")) != null) config = config.withPort(parsePort(value));
        if ((value = env.get("KOTAE_CONTENT")) != null) config = config.withContent(Path.of(value));
        if ((value = env.get("KOTAE_DATA")) != null) config = config.withData(Path.of(value));
        if ((value = env.get("KOTAE_PLUGINS")) != null) config = config.withPlugins(Path.of(value));
        if ((value = env.get("KOTAE_DEFAULT_LOCALE")) != null) config = config.withDefaultLocale(value);
        if ((value = env.get("KOTAE_LOCALES")) != null) {
            config = config.withLocales(commaList(value));
        }
        if ((value = env.get("KOTAE_AUTH_TOKENS")) != null) config = config.withTokens(parseTokens(value));
        if ((value = env.get("KOTAE_SESSION_SECRET")) != null) config = config.withSite(config.site().withSessionSecret(value));
        AnalyticsConfig analytics = config.analytics();
        if ((value = env.get("KOTAE_ANALYTICS_JDBC_URL")) != null) analytics = analytics.withJdbcUrl(value);
        if ((value = env.get("KOTAE_ANALYTICS_USER")) != null) analytics = analytics.withUser(value);
        if ((value = env.get("KOTAE_ANALYTICS_PASSWORD")) != null) analytics = analytics.withPassword(value);
        if ((value = env.get("KOTAE_ANALYTICS_RETENTION_DAYS")) != null) {
            analytics = analytics.withRetention(AnalyticsConfig.days(value));
        }
        if ((value = env.get("KOTAE_ANALYTICS_JOURNAL_MAX_MB")) != null) {
            analytics = analytics.withJournalMaxMb(AnalyticsConfig.whole("analytics.journalMaxMb", value));
        }
        if ((value = env.get("KOTAE_ANALYTICS_EVENTS_PER_MINUTE")) != null) {
            analytics = analytics.withEventsPerMinute(Math.toIntExact(
                    AnalyticsConfig.whole("analytics.eventsPerMinutePerClient", value)));
        }
        if ((value = env.get("KOTAE_ANALYTICS_JOURNAL_FSYNC_MS")) != null) {
            analytics = analytics.withJournalFsync(java.time.Duration.ofMillis(
                    AnalyticsConfig.whole("analytics.journalFsyncMillis", value)));
        }
        if ((value = env.get("KOTAE_ANALYTICS_TIME_ZONE")) != null) {
            analytics = analytics.withTimeZone(AnalyticsConfig.zoneNamed("analytics.timeZone", value));
        }
        config = config.withAnalytics(analytics);
        SearchConfig search = config.search();
        if ((value = env.get("KOTAE_SEARCH_CACHE_MB")) != null) {
            search = search.withCacheMegabytes(SearchConfig.parse("search.cacheMegabytes", value));
        }
        if ((value = env.get("KOTAE_SEARCH_CONCURRENCY")) != null) {
            search = search.withConcurrency(SearchConfig.parse("search.concurrency", value));
        }
        if ((value = env.get("KOTAE_SEARCH_RANKING")) != null) {
            search = search.withRanking(SearchConfig.Ranking.parse(value));
        }
        if ((value = env.get("KOTAE_SEARCH_WARM_MS")) != null) {
            search = search.withWarmMillis(SearchConfig.parse("search.warmMillis", value));
        }
        config = config.withSearch(search);
        ServerConfig server = config.server();
        if ((value = env.get("KOTAE_MAX_REQUEST_BODY_KB")) != null) {
            server = server.withMaxRequestBodyKilobytes(SearchConfig.parse("server.maxRequestBodyKilobytes", value));
        }
        if ((value = env.get("KOTAE_TRUSTED_PROXIES")) != null) server = server.withTrustedProxies(ServerConfig.list(value));
        if ((value = env.get("KOTAE_IDLE_TIMEOUT_SECONDS")) != null) {
            server = server.withIdleTimeoutSeconds(SearchConfig.parse("server.idleTimeoutSeconds", value));
        }
        config = config.withServer(server);
        EditorConfig editor = config.editor();
        if ((value = env.get("KOTAE_EDITOR_REVIEW")) != null) editor = editor.withReviewRequired(EditorConfig.parseReview(value));
        if ((value = env.get("KOTAE_EDITOR_MAX_IMAGE_KB")) != null) {
            editor = editor.withMaxImageKilobytes(SearchConfig.parse("editor.maxImageKilobytes", value));
        }
        config = config.withEditor(editor);
        String minSessions = env.get("KOTAE_LEARNING_MIN_SESSIONS");
        String minAddresses = env.get("KOTAE_LEARNING_MIN_ADDRESSES");
        String halfLife = env.get("KOTAE_LEARNING_HALF_LIFE_DAYS");
        String interval = env.get("KOTAE_LEARNING_INTERVAL_SECONDS");
        config = config.withLearning(learning(config.learning(),
                (value = env.get("KOTAE_LEARNING_ENABLED")) == null ? null : LearningConfig.parseEnabled(value),
                env.get("KOTAE_LEARNING_MODE"),
                minSessions == null ? null : Math.toIntExact(AnalyticsConfig.whole("learning.minSessions", minSessions)),
                minAddresses == null ? null : Math.toIntExact(AnalyticsConfig.whole("learning.minAddresses", minAddresses)),
                halfLife == null ? null : AnalyticsConfig.whole("learning.halfLifeDays", halfLife),
                interval == null ? null : AnalyticsConfig.whole("learning.intervalSeconds", interval)));
        if ((value = env.get("KOTAE_SITE_BASE_URL")) != null) {
            config = config.withSite(config.site().withBaseUrl(java.net.URI.create(value.strip())));
        }
        if ((value = env.get("KOTAE_SITE_IMAGE_SOURCES")) != null) {
            config = config.withSite(config.site().withImageSources(commaList(value)));
        }
        if ((value = env.get("KOTAE_SITE_TIME_ZONE")) != null) {
            config = config.withSite(config.site().withTimeZone(AnalyticsConfig.zoneNamed("site.timeZone", value)));
        }
        return config;
    }

    /** The non-blank entries of a comma-separated environment value, stripped. */
    private static List<String> commaList(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(entry -> !entry.isEmpty()).toList();
    }

    /** {@code name:role:token} entries separated by commas, e.g. {@code alice:agent:s3cret-token}. */
    static List<TokenAuthenticator.Token> parseTokens(String value) {
        List<TokenAuthenticator.Token> tokens = new ArrayList<>();
        for (String entry : value.split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            String[] parts = entry.strip().split(":", 3);
            if (parts.length != 3) {
                throw new IllegalArgumentException("KOTAE_AUTH_TOKENS entries are name:role:token");
            }
            tokens.add(new TokenAuthenticator.Token(parts[0], parts[2], Role.parse(parts[1])));
        }
        return tokens;
    }

    static int parsePort(String value) {
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port must be a number (got '" + value + "')");
        }
    }
}
