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
    private volatile boolean migrated;

    private AnalyticsDatabase(HikariDataSource pool, String description) {
        this.pool = pool;
        this.description = description;
    }

    /**
     * Opens and migrates the database. An embedded database that cannot be opened fails here; a shared
     * one (a JDBC URL) that cannot be reached does not: the server starts and serves without it, events wait
     * in the journal, and {@link #migrate()} is tried again until it answers.
     *
     * @param dataFolder where the embedded database lives when no JDBC URL is configured
     */
    public static AnalyticsDatabase open(AnalyticsConfig config, Path dataFolder) throws SQLException {
        boolean shared = config.jdbcUrl() != null;
        String url = shared ? config.jdbcUrl() : embeddedUrl(dataFolder);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("kotae-analytics");
        hikari.setJdbcUrl(url);
        if (config.user() != null) hikari.setUsername(config.user());
        if (config.password() != null) hikari.setPassword(config.password());
        // One writer plus a few report queries at a time; more would only contend on two cores.
        hikari.setMaximumPoolSize(4);
        hikari.setMinimumIdle(1);
        // While a shared database is away, a report answers 503 after this and the journal retries.
        hikari.setConnectionTimeout(shared ? 3_000 : 10_000);
        if (shared) {
            hikari.setInitializationFailTimeout(-1); // start without it: a replica serves while PostgreSQL is away
        }
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new SQLException("cannot open the analytics database " + safe(url) + ": " + e.getMessage(), e);
        }
        String description = shared ? safe(url) : "embedded " + dataFolder.resolve("analytics");
        AnalyticsDatabase database = new AnalyticsDatabase(pool, description);
        try {
            database.migrate();
        } catch (SQLException e) {
            if (!shared) {
                pool.close();
                throw e;
            }
            LOG.warn("Analytics database {} cannot be reached; serving without it, events are journaled until it"
                    + " answers: {}", description, e.getMessage());
            return database;
        }
        LOG.info("Analytics stored in {}", description);
        return database;
    }

    /** Applies the schema migrations once the database answers; does nothing once they are applied. */
    public synchronized void migrate() throws SQLException {
        if (migrated) {
            return;
        }
        MigrateResult result;
        try {
            result = Flyway.configure(AnalyticsDatabase.class.getClassLoader())
                    .dataSource(pool)
                    .locations(MIGRATIONS)
                    .table("kotae_schema_history")
                    .load()
                    .migrate();
        } catch (RuntimeException e) {
            throw new SQLException("cannot migrate the analytics database " + description + ": " + e.getMessage(), e);
        }
        if (result.migrationsExecuted > 0) {
            LOG.info("Analytics schema migrated to version {} ({} migration(s))", result.targetSchemaVersion,
                    result.migrationsExecuted);
        }
        migrated = true;
    }

    /** Whether the schema is known to be in place (the database has answered since start). */
    public boolean migrated() {
        return migrated;
    }

    /**
     * The embedded H2 database file; kept open until {@link #close()}, not closed with the last connection.
     * Each commit is written to the file at once ({@code WRITE_DELAY=0}; H2 would otherwise keep it in
     * memory for up to half a second): the journal is trimmed once the database committed, so a commit must
     * survive a kill of the process. Its page cache is 1 MB ({@code CACHE_SIZE}, in KB; H2's default is
     * 16 MB): the events are written far more than read and the reports scan, and a cache holding the pages
     * of the latest inserts makes every young collection of the server's heap copy those rows again
     * (docs/benchmarks.md, log of stop 37).
     */
    public static String embeddedUrl(Path dataFolder) {
        Path file = dataFolder.toAbsolutePath().resolve("analytics").resolve("events");
        return "jdbc:h2:file:" + file + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0;CACHE_SIZE=1024";
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

    /**
     * A read-only connection whose statements all see one snapshot (repeatable read, one transaction), so the
     * figures of a report read in several statements agree with each other while events keep arriving: a
     * report's views and its week-over-week views, say. The pool rolls the transaction back and restores the
     * connection's settings when it is closed.
     */
    Connection snapshot() throws SQLException {
        Connection connection = pool.getConnection();
        try {
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            connection.setAutoCommit(false);
            return connection;
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    public String description() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }
}
