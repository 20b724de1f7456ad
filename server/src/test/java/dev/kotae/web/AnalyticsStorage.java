package dev.kotae.web;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.analytics.TestDatabases;
import dev.kotae.config.AnalyticsConfig;
import dev.kotae.config.KotaeConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

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
        TestDatabases.Storage schema = TestDatabases.postgres(); // the unit tests' own: one way to get a schema
        AnalyticsConfig stored = schema.config();
        return new AnalyticsStorage() {
            @Override
            public KotaeConfig configure(KotaeConfig config) {
                return config.withAnalytics(config.analytics().withJdbcUrl(stored.jdbcUrl()).withUser(stored.user())
                        .withPassword(stored.password()));
            }

            @Override
            public Connection connect(Path data) throws SQLException {
                return DriverManager.getConnection(stored.jdbcUrl(), stored.user(), stored.password());
            }

            @Override
            public void close() throws SQLException {
                try {
                    schema.close();
                } catch (SQLException e) {
                    throw e;
                } catch (Exception e) {
                    throw new SQLException(e);
                }
            }
        };
    }
}
