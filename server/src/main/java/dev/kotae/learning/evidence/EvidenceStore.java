package dev.kotae.learning.evidence;

import dev.kotae.learning.Decision;
import dev.kotae.learning.Evidence;
import dev.kotae.util.SqlStates;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The learning tables read back: evidence per (query group, article, scope), summed from the sessions'
 * choices that {@link EvidenceIngestion} recorded, each decayed with its age; the agents' decisions; the
 * version of what was last published.
 */
public final class EvidenceStore {

    /**
     * A pair's evidence with the undecayed counts the thresholds are checked on: distinct sessions that
     * chose it, and distinct client addresses among them (a session whose address is not known adds none).
     */
    public record Tally(Evidence evidence, int sessions, int addresses) {}

    /** What an agent decided about a pair, and the query as written when it was decided. */
    public record StoredDecision(Evidence.Key key, String written, Decision decision, String decidedBy,
            Instant decidedAt) {}

    private final DataSource database;

    public EvidenceStore(DataSource database) {
        this.database = database;
    }

    /**
     * Every pair some session chose, with its evidence decayed to the start of {@code now}'s UTC day: each
     * session's choice weighs {@code 0.5^(age / halfLife)}, its age counted to that instant (none for a
     * choice made since), so evidence nothing was added to reads the same all day and learning does not
     * publish a new version of it every cycle. A choice counts as satisfied when it was voted helpful or
     * solved, or when no new search followed within {@link EvidenceIngestion#QUICK_RETURN} (and that long
     * has passed). Rows are read in pair order and summed one pair at a time: pairs only passed over
     * (skips, the bulk of the rows) are never held.
     */
    public List<Tally> tallies(Instant now, Duration halfLife) throws SQLException {
        return tallies(null, now, halfLife);
    }

    /** The pair's evidence as {@link #tallies} gives it, read from its own rows only; empty when no session chose it. */
    public Optional<Tally> tally(Evidence.Key key, Instant now, Duration halfLife) throws SQLException {
        return tallies(PairKeys.of(key), now, halfLife).stream().findFirst();
    }

    private List<Tally> tallies(String pairKey, Instant now, Duration halfLife) throws SQLException {
        List<Tally> tallies = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            // PostgreSQL's driver fetches in batches only inside a transaction: in autocommit it reads the whole
            // table into memory, whatever the fetch size. Nothing is written; the connection goes back as it came.
            connection.setAutoCommit(false);
            try {
                readTallies(connection, pairKey, now, halfLife, tallies);
            } finally {
                connection.rollback();
                connection.setAutoCommit(true);
            }
        }
        return tallies;
    }

    private static void readTallies(Connection connection, String pairKey, Instant now, Duration halfLife,
            List<Tally> tallies) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT pair_key, query_group, written, article_id, scope, client_hash, chose, skipped, click_weight,"
                        + " voted, returned, chosen_at FROM learning_choice"
                        + (pairKey == null ? "" : " WHERE pair_key = ?") + " ORDER BY pair_key")) {
            if (pairKey != null) {
                select.setString(1, pairKey);
            }
            select.setFetchSize(1000);
            try (ResultSet row = select.executeQuery()) {
                String key = null;
                Builder pair = new Builder();
                while (row.next()) {
                    Evidence.Scope scope = Evidence.Scope.ofKey(row.getString("scope"));
                    if (scope == null) {
                        continue;
                    }
                    if (!row.getString("pair_key").equals(key)) {
                        pair.addTo(tallies);
                        key = row.getString("pair_key");
                        pair = new Builder();
                    }
                    pair.add(row, scope, now, halfLife);
                }
                pair.addTo(tallies);
            }
        }
    }

    /** Sums one pair's rows. */
    private static final class Builder {
        String group;
        String articleId;
        Evidence.Scope scope;
        int sessions;
        final Map<String, Double> addresses = new HashMap<>();
        final Map<String, Double> written = new HashMap<>();
        double decayedSessions;
        double clicks;
        double skips;
        double satisfied;
        long lastSeen = Long.MIN_VALUE;

        void add(ResultSet row, Evidence.Scope rowScope, Instant now, Duration halfLife) throws SQLException {
            group = row.getString("query_group");
            articleId = row.getString("article_id");
            scope = rowScope;
            long chosenAt = row.getLong("chosen_at");
            long age = Math.max(0, now.toEpochMilli() - chosenAt);
            long decayedAge = Math.max(0, now.truncatedTo(ChronoUnit.DAYS).toEpochMilli() - chosenAt);
            double weight = Math.pow(0.5, (double) decayedAge / halfLife.toMillis());
            if (!row.getBoolean("chose")) {
                if (row.getBoolean("skipped")) {
                    skips += weight;
                }
                return;
            }
            sessions++;
            decayedSessions += weight;
            clicks += weight * row.getDouble("click_weight");
            boolean settled = age >= EvidenceIngestion.QUICK_RETURN.toMillis();
            if (row.getBoolean("voted") || (!row.getBoolean("returned") && settled)) {
                satisfied += weight;
            }
            String client = row.getString("client_hash");
            if (client != null) {
                addresses.merge(client, weight, Math::max);
            }
            written.merge(row.getString("written"), weight, Double::sum);
            lastSeen = Math.max(lastSeen, chosenAt);
        }

        /** Adds this pair's tally to {@code tallies} when some session chose it (a pair only skipped has none). */
        void addTo(List<Tally> tallies) {
            if (sessions > 0) {
                tallies.add(tally());
            }
        }

        Tally tally() {
            String mostWritten = written.entrySet().stream()
                    .max(Map.Entry.<String, Double>comparingByValue()
                            .thenComparing(Map.Entry.<String, Double>comparingByKey().reversed()))
                    .map(Map.Entry::getKey).orElse(group);
            double distinctAddresses = addresses.values().stream().mapToDouble(Double::doubleValue).sum();
            return new Tally(new Evidence(group, mostWritten, articleId, scope, decayedSessions, distinctAddresses,
                    clicks, skips, satisfied, Instant.ofEpochMilli(lastSeen)), sessions, addresses.size());
        }
    }

    /** Forgets choices made before {@code before}: they weigh next to nothing after so many half-lives. */
    public int prune(Instant before) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement delete = connection.prepareStatement(
                "DELETE FROM learning_choice WHERE chosen_at < ?")) {
            delete.setLong(1, before.toEpochMilli());
            return delete.executeUpdate();
        }
    }

    /** Every decision agents made, by pair. */
    public Map<Evidence.Key, StoredDecision> decisions() throws SQLException {
        Map<Evidence.Key, StoredDecision> decisions = new LinkedHashMap<>();
        try (Connection connection = database.getConnection(); PreparedStatement select = connection.prepareStatement(
                "SELECT query_group, written, article_id, scope, decision, decided_by, decided_at FROM learning_decision")) {
            try (ResultSet row = select.executeQuery()) {
                while (row.next()) {
                    Evidence.Scope scope = Evidence.Scope.ofKey(row.getString("scope"));
                    Decision decision = decision(row.getString("decision"));
                    if (scope == null || decision == null) {
                        continue;
                    }
                    Evidence.Key key = new Evidence.Key(row.getString("query_group"), row.getString("article_id"), scope);
                    decisions.put(key, new StoredDecision(key, row.getString("written"), decision,
                            row.getString("decided_by"), EvidenceIngestion.instant(row, "decided_at")));
                }
            }
        }
        return decisions;
    }

    /**
     * Records (or replaces) the decision about a pair. Two agents deciding on the same new pair at once
     * both succeed, the later one's decision kept.
     */
    public StoredDecision decide(Evidence.Key key, String written, Decision decision, String decidedBy, Instant at)
            throws SQLException {
        try {
            return upsertDecision(key, written, decision, decidedBy, at);
        } catch (SQLException e) {
            if (!SqlStates.uniqueViolation(e)) {
                throw e;
            }
            // Another transaction inserted the pair's row between our UPDATE and INSERT: it exists now.
            return upsertDecision(key, written, decision, decidedBy, at);
        }
    }

    private StoredDecision upsertDecision(Evidence.Key key, String written, Decision decision, String decidedBy,
            Instant at) throws SQLException {
        String pair = PairKeys.of(key);
        String name = decision.name().toLowerCase(Locale.ROOT);
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int updated;
                try (PreparedStatement update = connection.prepareStatement("UPDATE learning_decision SET decision = ?,"
                        + " written = ?, decided_by = ?, decided_at = ? WHERE pair_key = ?")) {
                    update.setString(1, name);
                    update.setString(2, written);
                    update.setString(3, decidedBy);
                    update.setObject(4, EvidenceIngestion.utc(at));
                    update.setString(5, pair);
                    updated = update.executeUpdate();
                }
                if (updated == 0) {
                    try (PreparedStatement insert = connection.prepareStatement("INSERT INTO learning_decision (pair_key,"
                            + " query_group, written, article_id, scope, decision, decided_by, decided_at)"
                            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                        insert.setString(1, pair);
                        insert.setString(2, key.queryGroup());
                        insert.setString(3, written);
                        insert.setString(4, key.articleId());
                        insert.setString(5, key.scope().key());
                        insert.setString(6, name);
                        insert.setString(7, decidedBy);
                        insert.setObject(8, EvidenceIngestion.utc(at));
                        insert.executeUpdate();
                    }
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
        return new StoredDecision(key, written, decision, decidedBy, at);
    }

    /** The decision named {@code approved}, {@code rejected}, {@code always} or {@code routed}; else {@code null}. */
    public static Decision decision(String name) {
        if (name == null) {
            return null;
        }
        for (Decision decision : Decision.values()) {
            if (decision.name().equalsIgnoreCase(name.strip())) {
                return decision;
            }
        }
        return null;
    }

    /** The version of what was last published (0 before anything was). */
    public long learnedVersion() throws SQLException {
        try (Connection connection = database.getConnection()) {
            return LearningState.learnedVersion(connection);
        }
    }

    /** Keeps the version of what was just published. */
    public void saveLearnedVersion(long version) throws SQLException {
        try (Connection connection = database.getConnection()) {
            connection.setAutoCommit(false);
            try {
                LearningState.saveLearnedVersion(connection, version);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }
}
