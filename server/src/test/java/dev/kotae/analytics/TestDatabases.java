package dev.kotae.analytics;

import dev.kotae.config.AnalyticsConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The analytics storages a unit test runs on: the embedded H2 file under a temporary folder, or
 * PostgreSQL from {@code KOTAE_TEST_POSTGRES_URL} (with {@code _USER}, {@code _PASSWORD}) in a schema of
 * its own, dropped at close. Without the variable PostgreSQL tests are skipped, except on CI.
 */
public final class TestDatabases {

    /** A storage's settings and how to drop what the test left there. */
    public record Storage(AnalyticsConfig config, AutoCloseable cleanup) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            cleanup.close();
        }
    }

    private TestDatabases() {}

    public static Storage named(String name) throws SQLException {
        return switch (name) {
            case "h2" -> new Storage(AnalyticsConfig.defaults(), () -> {});
            case "postgres" -> postgres();
            default -> throw new IllegalArgumentException(name);
        };
    }

    public static Storage postgres() throws SQLException {
        String url = System.getenv("KOTAE_TEST_POSTGRES_URL");
        if (url == null || url.isBlank()) {
            if (System.getenv("CI") != null) {
                Assertions.fail("KOTAE_TEST_POSTGRES_URL is not set (CI must start PostgreSQL: see .ci/run)");
            }
            Assumptions.abort("KOTAE_TEST_POSTGRES_URL not set: PostgreSQL analytics tests skipped");
        }
        String user = System.getenv("KOTAE_TEST_POSTGRES_USER");
        String password = System.getenv("KOTAE_TEST_POSTGRES_PASSWORD");
        String schema = "kotae_ut_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        try (Connection admin = DriverManager.getConnection(url, user, password); Statement sql = admin.createStatement()) {
            sql.execute("CREATE SCHEMA " + schema);
        }
        String schemaUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new Storage(AnalyticsConfig.defaults().withJdbcUrl(schemaUrl).withUser(user).withPassword(password), () -> {
            try (Connection admin = DriverManager.getConnection(url, user, password); Statement sql = admin.createStatement()) {
                sql.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        });
    }

    public static AnalyticsDatabase open(Storage storage, Path data) throws SQLException {
        return AnalyticsDatabase.open(storage.config(), data);
    }
}
