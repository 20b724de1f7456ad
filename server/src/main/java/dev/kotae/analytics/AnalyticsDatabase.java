package dev.kotae.analytics;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.kotae.config.AnalyticsConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics database, migrated to the current schema: the embedded H2 file under the data folder by
 * default (nothing to install), or the configured JDBC database (PostgreSQL, shared by replicas).
 * Migrations live in {@code dev/kotae/analytics/migration} and are applied by Flyway at open, so replicas
 * starting together agree on one schema (Flyway locks its history table).
 */
public final class AnalyticsDatabase implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsDatabase.class);
    static final String MIGRATIONS = "classpath:dev/kotae/analytics/migration";

    private final HikariDataSource pool;
    private final String description;

    private AnalyticsDatabase(HikariDataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    /**
     * Opens and migrates the database.
     *
     * @param dataFolder where the embedded database lives when no JDBC URL is configured
     */
    public static AnalyticsDatabase open(AnalyticsConfig config, Path dataFolder) throws SQLException {
        String url = config.jdbcUrl() != null ? config.jdbcUrl() : embeddedUrl(dataFolder);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("kotae-analytics");
        hikari.setJdbcUrl(url);
        if (config.user() != null) hikari.setUsername(config.user());
        if (config.password() != null) hikari.setPassword(config.password());
        // One writer plus a few report queries at a time; more would only contend on two cores.
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new SQLException("cannot open the analytics database " + safe(url) + ": " + e.getMessage(), e);
        }
        MigrateResult migrated;
        try {
            migrated = Flyway.configure(AnalyticsDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .table("kotae_schema_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw new SQLException("cannot migrate the analytics database " + safe(url) + ": " + e.getMessage(), e);
        }
        String description = config.jdbcUrl() != null ? safe(url) : "embedded " + dataFolder.resolve("analytics");
        if (migrated.migrationsExecuted > 0) {
            LOG.info("Analytics schema migrated to version {} ({} migration(s))", migrated.targetSchemaVersion,
                    migrated.migrationsExecuted);
        }
        LOG.info("Analytics stored in {}", description);
        return new AnalyticsDatabase(pool, description);
    }

    /** The embedded H2 database file; kept open until {@link #close()}, not closed with the last connection. */
    public static String embeddedUrl(Path dataFolder) {
        Path file = dataFolder.toAbsolutePath().resolve("analytics").resolve("events");
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    /** A URL without its query string, where passwords may hide. */
    private static String safe(String url) {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    public DataSource dataSource() {
        return pool;
    }

    Connection connection() throws SQLException {
        return pool.getConnection();
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }
}
