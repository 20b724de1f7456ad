package dev.kotae.web;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.config.KotaeConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Where an analytics test stores its events, and a direct connection to check what was stored. */
interface AnalyticsStorage extends AutoCloseable {

    /** The server configuration that stores events here. */
    KotaeConfig configure(KotaeConfig config);

    /** A connection to the stored events of a server whose data folder is {@code data} (after it stopped). */
    Connection connect(Path data) throws SQLException;

    @Override
    default void close() throws SQLException {}

    /** The default: the embedded H2 file under the data folder. */
    static AnalyticsStorage embedded() {
        return new AnalyticsStorage() {
            @Override
            public KotaeConfig configure(KotaeConfig config) {
                return config;
            }

            @Override
            public Connection connect(Path data) throws SQLException {
                return DriverManager.getConnection(AnalyticsDatabase.embeddedUrl(data));
            }
        };
    }

    /**
     * PostgreSQL from {@code KOTAE_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}), in a schema of
     * its own that is dropped afterwards, so repeated and parallel runs never see each other's rows.
     * Without the variable the test is skipped, except on CI ({@code CI} set), where it fails.
     */
    static AnalyticsStorage postgres() throws SQLException {
        String url = System.getenv("KOTAE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                Assertions.fail("KOTAE_TEST_POSTGRES_URL is not set (CI must start PostgreSQL: see .ci/run)");
            }
            Assumptions.abort("KOTAE_TEST_POSTGRES_URL not set: PostgreSQL analytics tests skipped");
        }
        String user = System.getenv("KOTAE_TEST_POSTGRES_USER");
        String password = System.getenv("KOTAE_TEST_POSTGRES_PASSWORD");
        String schema = "kotae_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new AnalyticsStorage() {
            @Override
            public KotaeConfig configure(KotaeConfig config) {
                return config.withAnalytics(config.analytics().withJdbcUrl(schemaUrl).withUser(user).withPassword(password));
            }

            @Override
            public Connection connect(Path data) throws SQLException {
                return DriverManager.getConnection(schemaUrl, user, password);
            }

            @Override
            public void close() throws SQLException {
                try (Connection admin = DriverManager.getConnection(url, user, password);
                        Statement sql = admin.createStatement()) {
                    sql.execute("DROP SCHEMA " + schema + " CASCADE");
                }
            }
        };
    }
}
