package dev.kotae.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kotae.auth.Role;
import dev.kotae.auth.TokenAuthenticator;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path file = dir.resolve("kotae.yml");
        Files.writeString(file, yaml);
        return file;
    }

    private static final String FULL_FILE = """
            host: 127.0.0.1
            port: 9090
            content: docs
            data: var/kotae
            plugins: ext
            defaultLocale: en
            locales: [en, ja]
            auth:
              tokens:
                - name: alice
                  token: file-token-123
                  role: agent
                - name: root
                  token: file-token-456
                  role: admin
            """;

    @Test
    void fileValuesAreApplied() throws IOException {
        KotaeConfig config = ConfigLoader.load(write(FULL_FILE), Map.of());

        assertEquals("127.0.0.1", config.host());
        assertEquals(9090, config.port());
        assertEquals("en", config.defaultLocale());
        assertEquals(List.of("en", "ja"), config.locales());
        assertEquals(2, config.tokens().size());
        assertEquals(new TokenAuthenticator.Token("alice", "file-token-123", Role.AGENT), config.tokens().get(0));
        assertEquals(new TokenAuthenticator.Token("root", "file-token-456", Role.ADMIN), config.tokens().get(1));
    }

    @Test
    void relativePathsInTheFileAreResolvedAgainstItsFolder() throws IOException {
        KotaeConfig config = ConfigLoader.load(write(FULL_FILE), Map.of());

        Path base = dir.toAbsolutePath();
        assertEquals(base.resolve("docs"), config.content());
        assertEquals(base.resolve("var/kotae"), config.data());
        assertEquals(base.resolve("ext"), config.plugins().dir());
    }

    @Test
    void pluginBlockCarriesFolderTimeoutAndEachPluginsSettings() throws IOException {
        KotaeConfig config = ConfigLoader.load(write("""
                plugins:
                  dir: ext/plugins
                  timeoutSeconds: 3
                  source-csv:
                    files:
                      - path: faq.csv
                        locale: ja
                  widget-answer-bot:
                    enabled: false
                    minScore: 2.5
                """), Map.of());

        PluginsConfig plugins = config.plugins();
        assertEquals(dir.toAbsolutePath().resolve("ext/plugins"), plugins.dir());
        assertEquals(java.time.Duration.ofSeconds(3), plugins.timeout());
        assertEquals(dir.toAbsolutePath(), plugins.base());
        assertEquals(Map.of("files", List.of(Map.of("path", "faq.csv", "locale", "ja"))), plugins.settingsOf("source-csv"));
        assertTrue(plugins.enabled("source-csv"));
        assertTrue(plugins.enabled("not-configured"));
        assertFalse(plugins.enabled("widget-answer-bot"));
        assertEquals(Map.of("minScore", 2.5), plugins.settingsOf("widget-answer-bot"), "enabled is the server's key");
    }

    @Test
    void siteBlockSetsThePagesAddressesAndCookies() throws IOException {
        KotaeConfig config = ConfigLoader.load(write("""
                site:
                  name: さくらストア ヘルプ
                  baseUrl: https://help.example.com/
                  contactUrl: mailto:support@example.com
                  secureCookies: false
                  agentSessionHours: 8
                  imageSources: [https://*.zendesk.com, "https://cdn.example.com/"]
                """), Map.of());

        assertEquals("さくらストア ヘルプ", config.site().name());
        assertEquals(List.of("https://*.zendesk.com", "https://cdn.example.com", "https://help.example.com"),
                config.site().imageSources().values(), "the configured sources and the help center's own address");
        assertEquals("https://help.example.com", config.site().baseUrl().toString());
        assertEquals("mailto:support@example.com", config.site().contactUrl());
        assertEquals(Boolean.FALSE, config.site().secureCookies());
        assertEquals(java.time.Duration.ofHours(8), config.site().agentSession());
        assertEquals(SiteConfig.defaults(), ConfigLoader.load(write("port: 1"), Map.of()).site());
    }

    @Test
    void unsafeSiteAddressesAreRefused() {
        IOException script = assertThrows(IOException.class, () -> ConfigLoader.load(write("""
                site:
                  contactUrl: "javascript:alert(1)"
                """), Map.of()));
        assertTrue(script.getMessage().contains("site.contactUrl"), script.getMessage());
        IOException base = assertThrows(IOException.class, () -> ConfigLoader.load(write("""
                site:
                  baseUrl: ftp://help.example.com
                """), Map.of()));
        assertTrue(base.getMessage().contains("site.baseUrl"), base.getMessage());
        IOException images = assertThrows(IOException.class, () -> ConfigLoader.load(write("""
                site:
                  imageSources: ["*"]
                """), Map.of()));
        assertTrue(images.getMessage().contains("site.imageSources"), images.getMessage());
    }

    @Test
    void badPluginBlockIsReported() throws IOException {
        IOException e = assertThrows(IOException.class, () -> ConfigLoader.load(write("""
                plugins:
                  timeoutSeconds: soon
                """), Map.of()));
        assertTrue(e.getMessage().contains("timeoutSeconds"), e.getMessage());
        IOException notABlock = assertThrows(IOException.class, () -> ConfigLoader.load(write("""
                plugins:
                  source-csv: faq.csv
                """), Map.of()));
        assertTrue(notABlock.getMessage().contains("plugins.source-csv"), notABlock.getMessage());
    }

    @Test
    void emptyFileKeepsDefaults() throws IOException {
        KotaeConfig config = ConfigLoader.load(write(""), Map.of());

        assertEquals(KotaeConfig.defaults(), config);
    }

    @Test
    void commentsOnlyFileKeepsDefaults() throws IOException {
        KotaeConfig config = ConfigLoader.load(write("# port: 9090\n# host: 127.0.0.1\n"), Map.of());

        assertEquals(KotaeConfig.defaults(), config);
    }

    @Test
    void partialFileKeepsOtherDefaults() throws IOException {
        KotaeConfig config = ConfigLoader.load(write("port: 7000\n"), Map.of());

        KotaeConfig defaults = KotaeConfig.defaults();
        assertEquals(7000, config.port());
        assertEquals(defaults.host(), config.host());
        assertEquals(defaults.locales(), config.locales());
        assertEquals(defaults.defaultLocale(), config.defaultLocale());
    }

    @Test
    void environmentOverridesTheFile() throws IOException {
        Map<String, String> env = Map.of(
                "KOTAE_HOST", "0.0.0.0",
                "KOTAE_PORT", " 9999 ",
                "KOTAE_CONTENT", "/srv/help",
                "KOTAE_DATA", "/var/lib/kotae",
                "KOTAE_DEFAULT_LOCALE", "ja",
                "KOTAE_LOCALES", "ja, en ,,pt-BR",
                "KOTAE_AUTH_TOKENS", "carol:admin:env-token-789");
        KotaeConfig config = ConfigLoader.load(write(FULL_FILE), env);

        assertEquals("0.0.0.0", config.host());
        assertEquals(9999, config.port());
        assertEquals(Path.of("/srv/help"), config.content());
        assertEquals(Path.of("/var/lib/kotae"), config.data());
        assertEquals(dir.toAbsolutePath().resolve("ext"), config.plugins().dir()); // not overridden
        assertEquals("ja", config.defaultLocale());
        assertEquals(List.of("ja", "en", "pt-BR"), config.locales());
        assertEquals(List.of(new TokenAuthenticator.Token("carol", "env-token-789", Role.ADMIN)), config.tokens());
    }

    @Test
    void configFileCanBeNamedByEnvironment() throws IOException {
        Path file = write("port: 8181\n");
        KotaeConfig config = ConfigLoader.load(null, Map.of("KOTAE_CONFIG", file.toString()));

        assertEquals(8181, config.port());
    }

    @Test
    void missingConfigFileIsAnError() {
        Path missing = dir.resolve("nope.yml");
        IOException e = assertThrows(IOException.class, () -> ConfigLoader.load(missing, Map.of()));
        assertTrue(e.getMessage().contains("nope.yml"), e.getMessage());
    }

    @Test
    void authTokensVariableIsParsed() throws IOException {
        KotaeConfig config = ConfigLoader.load(write(""),
                Map.of("KOTAE_AUTH_TOKENS", "alice:agent:secret-123,root:admin:other-456"));

        assertEquals(List.of(
                new TokenAuthenticator.Token("alice", "secret-123", Role.AGENT),
                new TokenAuthenticator.Token("root", "other-456", Role.ADMIN)), config.tokens());
    }

    @Test
    void tokensMayContainColonsAndEntriesMayHaveSpaces() {
        List<TokenAuthenticator.Token> tokens = ConfigLoader.parseTokens(" bob:AGENT:abc:def-ghi , ,");

        assertEquals(List.of(new TokenAuthenticator.Token("bob", "abc:def-ghi", Role.AGENT)), tokens);
    }

    @Test
    void malformedTokenEntriesAreErrors() {
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.parseTokens("alice:secret-123456"));
        IllegalArgumentException badRole = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.parseTokens("alice:owner:secret-123456"));
        assertTrue(badRole.getMessage().contains("owner"), badRole.getMessage());
    }

    @Test
    void unknownYamlKeyIsAnError() throws IOException {
        Path file = write("prot: 8080\n");
        IOException e = assertThrows(IOException.class, () -> ConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().contains("prot"), e.getMessage());
    }

    @Test
    void unknownNestedYamlKeyIsAnError() throws IOException {
        Path file = write("auth:\n  tokens:\n    - name: a\n      secret: abcdefghij\n      role: agent\n");
        IOException e = assertThrows(IOException.class, () -> ConfigLoader.load(file, Map.of()));
        assertTrue(e.getMessage().contains("secret"), e.getMessage());
    }

    @Test
    void tooShortTokenIsAnError() throws IOException {
        IllegalArgumentException fromEnv = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(write(""), Map.of("KOTAE_AUTH_TOKENS", "alice:agent:short")));
        assertTrue(fromEnv.getMessage().contains("alice"), fromEnv.getMessage());
        assertFalse(fromEnv.getMessage().contains("short"), "the secret must not be echoed: " + fromEnv.getMessage());

        Path file = write("auth:\n  tokens:\n    - name: bob\n      token: tiny\n      role: agent\n");
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(file, Map.of()));
    }

    @Test
    void invalidPortIsAnError() throws IOException {
        Path file = write("");
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(file, Map.of("KOTAE_PORT", "eighty")));
        assertThrows(IllegalArgumentException.class, () -> ConfigLoader.load(file, Map.of("KOTAE_PORT", "70000")));
        assertThrows(IOException.class, () -> ConfigLoader.load(write("port: eighty\n"), Map.of()));
    }

    @Test
    void requestBodyLimitDefaultsTo64KilobytesAndIsSetByFileOrVariable() throws IOException {
        assertEquals(64 * 1024, ConfigLoader.load(write(""), Map.of()).server().maxRequestBodyBytes());
        assertEquals(8 * 1024, ConfigLoader.load(write("server:\n  maxRequestBodyKilobytes: 8\n"), Map.of())
                .server().maxRequestBodyBytes());
        assertEquals(128 * 1024, ConfigLoader.load(write("server:\n  maxRequestBodyKilobytes: 8\n"),
                Map.of("KOTAE_MAX_REQUEST_BODY_KB", "128")).server().maxRequestBodyBytes());
        assertThrows(IOException.class, () -> ConfigLoader.load(write("server:\n  maxRequestBodyKilobytes: 0\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(write(""), Map.of("KOTAE_MAX_REQUEST_BODY_KB", "65536")));
    }

    @Test
    void idleTimeoutDefaultsTo30SecondsAndIsSetByFileOrVariable() throws IOException {
        assertEquals(30, ConfigLoader.load(write(""), Map.of()).server().idleTimeoutSeconds());
        assertEquals(10, ConfigLoader.load(write("server:\n  idleTimeoutSeconds: 10\n"), Map.of())
                .server().idleTimeoutSeconds());
        assertEquals(5, ConfigLoader.load(write("server:\n  idleTimeoutSeconds: 10\n"),
                Map.of("KOTAE_IDLE_TIMEOUT_SECONDS", "5")).server().idleTimeoutSeconds());
        assertThrows(IOException.class, () -> ConfigLoader.load(write("server:\n  idleTimeoutSeconds: 0\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(write(""), Map.of("KOTAE_IDLE_TIMEOUT_SECONDS", "3601")));
    }

    @Test
    void trustedProxiesAreAddressesOrRangesAndNoneByDefault() throws IOException {
        assertEquals(List.of(), ConfigLoader.load(write(""), Map.of()).server().trustedProxies());
        assertEquals(List.of("10.0.0.0/8", "::1", "192.168.1.7"), ConfigLoader.load(
                write("server:\n  trustedProxies: [10.0.0.0/8, '::1', 192.168.1.7]\n"), Map.of()).server().trustedProxies());
        assertEquals(List.of("127.0.0.1", "fd00::/8"), ConfigLoader.load(write(""),
                Map.of("KOTAE_TRUSTED_PROXIES", " 127.0.0.1, fd00::/8 ,")).server().trustedProxies());
        // A host name would make trust depend on DNS: refused.
        assertThrows(IOException.class, () -> ConfigLoader.load(write("server:\n  trustedProxies: [proxy.internal]\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(write(""), Map.of("KOTAE_TRUSTED_PROXIES", "10.0.0.0/8,lb")));
        // Literal-looking but not addresses: refused with the configuration, before anything is opened.
        for (String bad : List.of("999.1.1.1", "1.2.3.4/33", ":")) {
            assertThrows(IllegalArgumentException.class,
                    () -> ConfigLoader.load(write(""), Map.of("KOTAE_TRUSTED_PROXIES", bad)), bad);
        }
    }

    @Test
    void siteBaseUrlMayComeFromTheEnvironment() throws IOException {
        assertEquals("https://help.example.com", ConfigLoader.load(write(""),
                Map.of("KOTAE_SITE_BASE_URL", "https://help.example.com/")).site().baseUrl().toString());
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(write(""), Map.of("KOTAE_SITE_BASE_URL", "javascript:alert(1)")));
    }

    @Test
    void imageSourcesMayComeFromTheEnvironment() throws IOException {
        assertEquals(List.of("https://cdn.example.com", "https://*.zendesk.com"), ConfigLoader.load(write(""),
                Map.of("KOTAE_SITE_IMAGE_SOURCES", " https://cdn.example.com, ,https://*.zendesk.com ")).site()
                .imageSources().values());
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(write(""), Map.of("KOTAE_SITE_IMAGE_SOURCES", "https://cdn.example.com/images")));
    }

    @Test
    void analyticsDefaultsToTheEmbeddedDatabaseFor180Days() throws IOException {
        AnalyticsConfig analytics = ConfigLoader.load(write("port: 8080\n"), Map.of()).analytics();
        assertEquals(null, analytics.jdbcUrl());
        assertEquals(java.time.Duration.ofDays(180), analytics.retention());
    }

    @Test
    void analyticsBlockAndVariablesAreApplied() throws IOException {
        Path file = write("""
                analytics:
                  jdbcUrl: jdbc:postgresql://db/kotae
                  user: kotae
                  password: file-secret
                  retentionDays: 30
                """);
        AnalyticsConfig fromFile = ConfigLoader.load(file, Map.of()).analytics();
        assertEquals("jdbc:postgresql://db/kotae", fromFile.jdbcUrl());
        assertEquals("kotae", fromFile.user());
        assertEquals(java.time.Duration.ofDays(30), fromFile.retention());
        assertFalse(fromFile.toString().contains("file-secret"), "the password never reaches a log line");

        AnalyticsConfig fromEnv = ConfigLoader.load(file, Map.of("KOTAE_ANALYTICS_JDBC_URL", "jdbc:postgresql://other/k",
                "KOTAE_ANALYTICS_PASSWORD", "env-secret", "KOTAE_ANALYTICS_RETENTION_DAYS", "7")).analytics();
        assertEquals("jdbc:postgresql://other/k", fromEnv.jdbcUrl());
        assertEquals("kotae", fromEnv.user());
        assertEquals("env-secret", fromEnv.password());
        assertEquals(java.time.Duration.ofDays(7), fromEnv.retention());
    }

    @Test
    void badAnalyticsSettingsAreErrors() throws IOException {
        assertThrows(IOException.class, () -> ConfigLoader.load(write("analytics:\n  retentionDays: 0\n"), Map.of()));
        assertThrows(IOException.class, () -> ConfigLoader.load(write("analytics:\n  jdbcUrl: postgres://x\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_ANALYTICS_RETENTION_DAYS", "six months")));
    }

    @Test
    void journalAndEventLimitsHaveDefaultsAndAreSetByFileOrVariable() throws IOException {
        AnalyticsConfig defaults = ConfigLoader.load(write("port: 8080\n"), Map.of()).analytics();
        assertEquals(512, defaults.journalMaxMb());
        assertEquals(java.time.Duration.ofSeconds(1), defaults.journalFsync());
        assertEquals(60, defaults.eventsPerMinute());
        Path file = write("analytics:\n  journalMaxMb: 64\n  journalFsyncMillis: 200\n  eventsPerMinutePerClient: 30\n");
        AnalyticsConfig fromFile = ConfigLoader.load(file, Map.of()).analytics();
        assertEquals(64, fromFile.journalMaxMb());
        assertEquals(java.time.Duration.ofMillis(200), fromFile.journalFsync());
        assertEquals(30, fromFile.eventsPerMinute());
        AnalyticsConfig fromEnv = ConfigLoader.load(file, Map.of("KOTAE_ANALYTICS_JOURNAL_MAX_MB", "8",
                "KOTAE_ANALYTICS_JOURNAL_FSYNC_MS", "50", "KOTAE_ANALYTICS_EVENTS_PER_MINUTE", "5")).analytics();
        assertEquals(8, fromEnv.journalMaxMb());
        assertEquals(java.time.Duration.ofMillis(50), fromEnv.journalFsync());
        assertEquals(5, fromEnv.eventsPerMinute());
        assertThrows(IOException.class, () -> ConfigLoader.load(write("analytics:\n  journalMaxMb: 0\n"), Map.of()));
        assertThrows(IOException.class, () -> ConfigLoader.load(write("analytics:\n  journalFsyncMillis: 0\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_ANALYTICS_EVENTS_PER_MINUTE", "lots")));
    }

    /** One zone for the help center's people: site.timeZone, else analytics.timeZone, else the locale's. */
    @Test
    void theHelpCentersZoneIsTheSiteOneThenTheAnalyticsOneThenTheLocalesOne() throws IOException {
        KotaeConfig japanese = ConfigLoader.load(write("port: 8080\n"), Map.of());
        assertEquals(java.time.ZoneId.of("Asia/Tokyo"), japanese.zone());
        assertEquals(japanese.zone(), japanese.reportsZone());
        assertEquals(java.time.ZoneOffset.UTC, ConfigLoader.load(write("defaultLocale: en\n"), Map.of()).zone());

        KotaeConfig site = ConfigLoader.load(write("defaultLocale: en\nsite:\n  timeZone: Europe/Berlin\n"), Map.of());
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), site.zone());
        assertEquals(site.zone(), site.reportsZone(), "analytics counts the team's days too");

        KotaeConfig analyticsOnly = ConfigLoader.load(write("analytics:\n  timeZone: America/New_York\n"), Map.of());
        assertEquals(java.time.ZoneId.of("America/New_York"), analyticsOnly.zone(), "the older setting still names it");

        KotaeConfig both = ConfigLoader.load(write("site:\n  timeZone: Europe/Berlin\nanalytics:\n  timeZone: UTC\n"),
                Map.of("KOTAE_SITE_TIME_ZONE", "Asia/Seoul"));
        assertEquals(java.time.ZoneId.of("Asia/Seoul"), both.zone(), "the variable wins over the file");
        assertEquals(java.time.ZoneId.of("UTC"), both.reportsZone(), "analytics may keep a zone of its own");

        IOException bad = assertThrows(IOException.class, () -> ConfigLoader.load(write("site:\n  timeZone: Mars/Olympus\n"),
                Map.of()));
        assertTrue(bad.getMessage().contains("site.timeZone"), bad.getMessage());
        Exception fromEnv = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_SITE_TIME_ZONE", "nowhere")));
        assertTrue(fromEnv.getMessage().contains("site.timeZone"), fromEnv.getMessage());
    }

    @Test
    void analyticsTimeZoneFollowsTheDefaultLocaleUnlessSet() throws IOException {
        KotaeConfig japanese = ConfigLoader.load(write("port: 8080\n"), Map.of());
        assertEquals(java.time.ZoneId.of("Asia/Tokyo"), japanese.analytics().zone(japanese.defaultLocale()));
        KotaeConfig english = ConfigLoader.load(write("defaultLocale: en\n"), Map.of());
        assertEquals(java.time.ZoneOffset.UTC, english.analytics().zone(english.defaultLocale()));
        KotaeConfig berlin = ConfigLoader.load(write("defaultLocale: en\nanalytics:\n  timeZone: Europe/Berlin\n"),
                Map.of());
        assertEquals(java.time.ZoneId.of("Europe/Berlin"), berlin.analytics().zone(berlin.defaultLocale()));
        KotaeConfig fromEnv = ConfigLoader.load(null, Map.of("KOTAE_ANALYTICS_TIME_ZONE", "America/New_York"));
        assertEquals(java.time.ZoneId.of("America/New_York"), fromEnv.analytics().zone("ja"));
        assertThrows(IOException.class, () -> ConfigLoader.load(write("analytics:\n  timeZone: Mars/Olympus\n"),
                Map.of()));
    }

    @Test
    void theDigestIsOffByDefaultAndReadWithItsTargets() throws IOException {
        assertFalse(ConfigLoader.load(write("port: 8080\n"), Map.of()).analytics().digest().enabled());
        DigestConfig digest = ConfigLoader.load(write("""
                analytics:
                  digest:
                    webhookUrl: http://127.0.0.1:9/hook
                    format: json
                    day: friday
                    hour: 17
                    targets:
                      zeroResultRate: 0.15
                      helpfulRate: 0.7
                      contactVolume: 120
                """), Map.of()).analytics().digest();
        assertTrue(digest.enabled());
        assertEquals(DigestConfig.Format.JSON, digest.format());
        assertEquals(java.time.DayOfWeek.FRIDAY, digest.day());
        assertEquals(17, digest.hour());
        assertEquals(new DigestConfig.Targets(0.15, 0.7, null, 120L), digest.targets());
        assertFalse(digest.toString().contains("/hook"), "the webhook URL is a secret: " + digest);
        for (String bad : List.of("format: xml", "day: someday", "hour: 24", "webhookUrl: ftp://x/y",
                "targets:\n      helpfulRate: 1.5")) {
            assertThrows(IOException.class, () -> ConfigLoader.load(write("analytics:\n  digest:\n    " + bad + "\n"),
                    Map.of()), bad);
        }
    }

    @Test
    void searchCacheIsOnByDefaultAndSetByFileOrVariable() throws IOException {
        assertEquals(SearchConfig.DEFAULT_CACHE_MEGABYTES, ConfigLoader.load(write("port: 8080\n"), Map.of()).search()
                .cacheMegabytes());
        Path file = write("search:\n  cacheMegabytes: 0\n");
        assertEquals(0, ConfigLoader.load(file, Map.of()).search().cacheBytes());
        assertEquals(64L << 20, ConfigLoader.load(file, Map.of("KOTAE_SEARCH_CACHE_MB", "64")).search().cacheBytes());
    }

    @Test
    void searchConcurrencyIsOnePerCoreByDefaultAndSetByFileOrVariable() throws IOException {
        SearchConfig defaults = ConfigLoader.load(write("port: 8080\n"), Map.of()).search();
        assertEquals(6, defaults.concurrencyOn(6));
        Path file = write("search:\n  concurrency: 3\n  cacheMegabytes: 8\n");
        SearchConfig fromFile = ConfigLoader.load(file, Map.of()).search();
        assertEquals(3, fromFile.concurrencyOn(6));
        assertEquals(8, fromFile.cacheMegabytes(), "the other search setting is kept");
        SearchConfig fromVariable = ConfigLoader.load(file, Map.of("KOTAE_SEARCH_CONCURRENCY", "5")).search();
        assertEquals(5, fromVariable.concurrencyOn(6));
        assertEquals(8, fromVariable.cacheMegabytes());
        assertThrows(IOException.class, () -> ConfigLoader.load(write("search:\n  concurrency: -1\n"), Map.of()));
        assertThrows(IOException.class, () -> ConfigLoader.load(write("search:\n  concurrency: 1000\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_SEARCH_CONCURRENCY", "many")));
    }

    @Test
    void searchRankingIsExactByDefaultAndSetByFileOrVariable() throws IOException {
        assertEquals(SearchConfig.Ranking.EXACT, ConfigLoader.load(write("port: 8080\n"), Map.of()).search().ranking());
        Path file = write("search:\n  ranking: lucene\n  cacheMegabytes: 8\n");
        SearchConfig fromFile = ConfigLoader.load(file, Map.of()).search();
        assertEquals(SearchConfig.Ranking.LUCENE, fromFile.ranking());
        assertEquals(8, fromFile.cacheMegabytes(), "the other search setting is kept");
        assertEquals(SearchConfig.Ranking.EXACT,
                ConfigLoader.load(file, Map.of("KOTAE_SEARCH_RANKING", "Exact")).search().ranking());
        assertThrows(IOException.class, () -> ConfigLoader.load(write("search:\n  ranking: fast\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_SEARCH_RANKING", "bm25")));
    }

    @Test
    void warmingIsBoundedAndSetByFileOrVariable() throws IOException {
        assertEquals(SearchConfig.DEFAULT_WARM_MILLIS, ConfigLoader.load(write("port: 8080\n"), Map.of()).search().warmMillis());
        Path file = write("search:\n  warmMillis: 0\n");
        assertEquals(0, ConfigLoader.load(file, Map.of()).search().warmMillis());
        assertEquals(50, ConfigLoader.load(file, Map.of("KOTAE_SEARCH_WARM_MS", "50")).search().warmMillis());
        assertThrows(IOException.class, () -> ConfigLoader.load(write("search:\n  warmMillis: 5000\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_SEARCH_WARM_MS", "-1")));
    }

    @Test
    void badSearchCacheSizesAreErrors() throws IOException {
        assertThrows(IOException.class, () -> ConfigLoader.load(write("search:\n  cacheMegabytes: -1\n"), Map.of()));
        assertThrows(IOException.class, () -> ConfigLoader.load(write("search:\n  cacheMegabyte: 8\n"), Map.of()));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_SEARCH_CACHE_MB", "lots")));
        assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(null, Map.of("KOTAE_SEARCH_CACHE_MB", "100000")));
    }

    @Test
    void editorSectionDefaultsToRequiredReviewAndIsReadFromFileAndEnvironment() throws IOException {
        assertEquals(EditorConfig.defaults(), ConfigLoader.load(write("port: 8080\n"), Map.of()).editor());
        assertTrue(EditorConfig.defaults().reviewRequired());

        Path file = write("editor:\n  review: optional\n  maxImageKilobytes: 100\n  authorEmailDomain: example.com\n");
        EditorConfig editor = ConfigLoader.load(file, Map.of()).editor();
        assertFalse(editor.reviewRequired());
        assertEquals(100, editor.maxImageKilobytes());
        assertEquals("example.com", editor.authorEmailDomain());
        assertTrue(ConfigLoader.load(file, Map.of("KOTAE_EDITOR_REVIEW", "required")).editor().reviewRequired());

        IOException typo = assertThrows(IOException.class,
                () -> ConfigLoader.load(write("editor:\n  review: sometimes\n"), Map.of()));
        assertTrue(typo.getMessage().contains("editor.review"), typo.getMessage());
    }

    @Test
    void learningSettingsComeFromTheFileAndTheEnvironmentAndAreChecked() throws IOException {
        assertEquals(LearningConfig.defaults(), ConfigLoader.load(write("port: 1"), Map.of()).learning());
        KotaeConfig file = ConfigLoader.load(write("""
                learning:
                  enabled: false
                  mode: approved
                  minSessions: 5
                  minAddresses: 4
                  halfLifeDays: 10
                  intervalSeconds: 30
                """), Map.of());
        assertEquals(new LearningConfig(false, dev.kotae.learning.LearningMode.APPROVED_ONLY, 5, 4,
                java.time.Duration.ofDays(10), java.time.Duration.ofSeconds(30)), file.learning());
        KotaeConfig env = ConfigLoader.load(write("port: 1"), Map.of("KOTAE_LEARNING_MODE", "automatic",
                "KOTAE_LEARNING_MIN_SESSIONS", "2", "KOTAE_LEARNING_MIN_ADDRESSES", "2",
                "KOTAE_LEARNING_HALF_LIFE_DAYS", "7", "KOTAE_LEARNING_INTERVAL_SECONDS", "5", "KOTAE_LEARNING_ENABLED", "true"));
        assertEquals(new LearningConfig(true, dev.kotae.learning.LearningMode.AUTOMATIC, 2, 2,
                java.time.Duration.ofDays(7), java.time.Duration.ofSeconds(5)), env.learning());

        for (String bad : List.of("learning:\n  mode: sometimes\n", "learning:\n  minSessions: 0\n",
                "learning:\n  minSessions: 2\n  minAddresses: 3\n", "learning:\n  halfLifeDays: 0\n",
                "learning:\n  intervalSeconds: 0\n", "learning:\n  minSession: 3\n")) {
            IOException e = assertThrows(IOException.class, () -> ConfigLoader.load(write(bad), Map.of()), bad);
            assertTrue(e.getMessage().contains("learning") || e.getMessage().contains("minSession"), e.getMessage());
        }
        IllegalArgumentException env0 = assertThrows(IllegalArgumentException.class,
                () -> ConfigLoader.load(write("port: 1"), Map.of("KOTAE_LEARNING_ENABLED", "maybe")));
        assertTrue(env0.getMessage().contains("learning.enabled"), env0.getMessage());
    }
}
