package dev.kotae.contact;

import dev.kotae.analytics.AnalyticsDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The contact requests and their deliveries, in the analytics database (tables {@code contact_request} and
 * {@code contact_delivery}, migration V7): an outbox. A request and one delivery row per destination are
 * written in one transaction before the customer is told it was sent, so a request acknowledged is never
 * lost, whatever happens to the destinations or to this process. Replicas sharing a database share the
 * queue: a delivery is claimed ({@link #claim}) before it is attempted, so only one replica sends it.
 */
public final class ContactQueue {

    /** The longest error text kept (what a destination answered, cut). */
    static final int MAX_ERROR = 1000;
    /** Ids looked up per statement by {@link #storedIds}. */
    private static final int ID_CHUNK = 500;

    /** A request with its deliveries, for admins. */
    public record Queued(ContactRequest request, List<Delivery> deliveries) {}

    private final AnalyticsDatabase database;

    public ContactQueue(AnalyticsDatabase database) {
        this.database = database;
    }

    /** Stores {@code request} with a pending delivery to each of {@code destinations}, due at once. */
    public void enqueue(ContactRequest request, List<String> destinations) throws SQLException {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_request (id,"
                        + " submitted_at, locale, category_id, category_label, priority, name, email, subject,"
                        + " description, articles_shown, articles_opened) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    insert.setString(1, request.id());
                    insert.setLong(2, request.submittedAt().toEpochMilli());
                    insert.setString(3, request.locale());
                    insert.setString(4, request.categoryId());
                    insert.setString(5, request.categoryLabel());
                    insert.setString(6, request.priority().key());
                    insert.setString(7, request.name());
                    insert.setString(8, request.email());
                    insert.setString(9, request.subject());
                    insert.setString(10, request.description());
                    insert.setString(11, String.join(" ", request.articlesShown()));
                    insert.setString(12, String.join(" ", request.articlesOpened()));
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contact_delivery (request_id,"
                        + " destination, state, attempts, next_attempt_at, last_error, updated_at)"
                        + " VALUES (?, ?, ?, 0, ?, NULL, ?)")) {
                    for (String destination : destinations) {
                        insert.setString(1, request.id());
                        insert.setString(2, destination);
                        insert.setString(3, DeliveryState.PENDING.key());
                        insert.setLong(4, request.submittedAt().toEpochMilli());
                        insert.setLong(5, request.submittedAt().toEpochMilli());
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** Pending deliveries due at {@code now}, the longest waiting first. */
    public List<Delivery> due(Instant now, int limit) throws SQLException {
        return deliveries("WHERE state = ? AND next_attempt_at <= ? ORDER BY next_attempt_at", limit,
                DeliveryState.PENDING.key(), now.toEpochMilli());
    }

    /**
     * Takes {@code delivery} for one attempt: moves its next attempt to {@code until} if nobody changed it
     * since it was read. Returns whether this caller has it (another replica may have claimed it first).
     */
    public boolean claim(Delivery delivery, Instant until) throws SQLException {
        return update("UPDATE contact_delivery SET next_attempt_at = ? WHERE request_id = ? AND destination = ?"
                + " AND state = ? AND next_attempt_at = ?", until.toEpochMilli(), delivery.requestId(),
                delivery.destination(), DeliveryState.PENDING.key(), delivery.nextAttemptAt().toEpochMilli()) == 1;
    }

    /** Records the destination took it. */
    public void delivered(Delivery delivery, Instant now) throws SQLException {
        update("UPDATE contact_delivery SET state = ?, attempts = attempts + 1, last_error = NULL, updated_at = ?"
                + " WHERE request_id = ? AND destination = ?", DeliveryState.DELIVERED.key(), now.toEpochMilli(),
                delivery.requestId(), delivery.destination());
    }

    /**
     * Records a failed attempt: pending again at {@code nextAttempt}, or {@link DeliveryState#FAILED} when
     * {@code nextAttempt} is {@code null} (refused, or out of attempts).
     */
    public void failed(Delivery delivery, String error, Instant nextAttempt, Instant now) throws SQLException {
        String shown = error == null ? "unknown error" : error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR) : error;
        DeliveryState state = nextAttempt == null ? DeliveryState.FAILED : DeliveryState.PENDING;
        update("UPDATE contact_delivery SET state = ?, attempts = attempts + 1, next_attempt_at = ?, last_error = ?,"
                + " updated_at = ? WHERE request_id = ? AND destination = ?", state.key(),
                (nextAttempt == null ? now : nextAttempt).toEpochMilli(), shown, now.toEpochMilli(),
                delivery.requestId(), delivery.destination());
    }

    /**
     * Makes a delivery not yet delivered due at once (an admin's "retry now"). Returns whether there was
     * one to retry.
     */
    public boolean retryNow(String requestId, String destination, Instant now) throws SQLException {
        return update("UPDATE contact_delivery SET state = ?, next_attempt_at = ?, updated_at = ? WHERE request_id = ?"
                + " AND destination = ? AND state <> ?", DeliveryState.PENDING.key(), now.toEpochMilli(),
                now.toEpochMilli(), requestId, destination, DeliveryState.DELIVERED.key()) == 1;
    }

    /** The request with this id, if it is stored. */
    public Optional<ContactRequest> request(String id) throws SQLException {
        List<ContactRequest> found = requests("WHERE id = ?", 1, id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** Which of {@code ids} the queue holds a request for. */
    public Set<String> storedIds(List<String> ids) throws SQLException {
        Set<String> stored = new HashSet<>();
        for (int from = 0; from < ids.size(); from += ID_CHUNK) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + ID_CHUNK));
            try (Connection connection = database.dataSource().getConnection();
                    PreparedStatement select = connection.prepareStatement("SELECT id FROM contact_request WHERE id IN ("
                            + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")")) {
                bind(select, chunk.toArray());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        stored.add(rows.getString(1));
                    }
                }
            }
        }
        return stored;
    }

    /** The newest {@code limit} requests with their deliveries, newest first. */
    public List<Queued> recent(int limit) throws SQLException {
        return queued(requests("ORDER BY submitted_at DESC, id", limit));
    }

    /** Deliveries not delivered yet (pending or failed), oldest first. */
    public List<Delivery> undelivered(int limit) throws SQLException {
        return deliveries("WHERE state <> ? ORDER BY updated_at", limit, DeliveryState.DELIVERED.key());
    }

    private List<Queued> queued(List<ContactRequest> requests) throws SQLException {
        Map<String, List<Delivery>> byRequest = new LinkedHashMap<>();
        requests.forEach(request -> byRequest.put(request.id(), new ArrayList<>()));
        if (!requests.isEmpty()) {
            String marks = String.join(", ", Collections.nCopies(requests.size(), "?"));
            for (Delivery delivery : deliveries("WHERE request_id IN (" + marks + ") ORDER BY destination",
                    Integer.MAX_VALUE, requests.stream().map(ContactRequest::id).toArray())) {
                byRequest.get(delivery.requestId()).add(delivery);
            }
        }
        return requests.stream().map(request -> new Queued(request, List.copyOf(byRequest.get(request.id())))).toList();
    }

    private List<Delivery> deliveries(String where, int limit, Object... args) throws SQLException {
        List<Delivery> found = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT request_id, destination, state, attempts,"
                        + " next_attempt_at, last_error, updated_at FROM contact_delivery " + where)) {
            bind(select, args);
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(new Delivery(rows.getString(1), rows.getString(2), DeliveryState.ofKey(rows.getString(3)),
                            rows.getInt(4), Instant.ofEpochMilli(rows.getLong(5)), rows.getString(6),
                            Instant.ofEpochMilli(rows.getLong(7))));
                }
            }
        }
        return found;
    }

    private List<ContactRequest> requests(String where, int limit, Object... args) throws SQLException {
        List<ContactRequest> found = new ArrayList<>();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT id, submitted_at, locale, category_id,"
                        + " category_label, priority, name, email, subject, description, articles_shown, articles_opened"
                        + " FROM contact_request " + where)) {
            bind(select, args);
            select.setMaxRows(limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    Priority priority = Priority.ofKey(rows.getString(6));
                    found.add(new ContactRequest(rows.getString(1), Instant.ofEpochMilli(rows.getLong(2)),
                            rows.getString(3), rows.getString(4), rows.getString(5),
                            priority == null ? Priority.NORMAL : priority, rows.getString(7), rows.getString(8),
                            rows.getString(9), rows.getString(10), ids(rows.getString(11)), ids(rows.getString(12))));
                }
            }
        }
        return found;
    }

    private int update(String sql, Object... args) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement update = connection.prepareStatement(sql)) {
            bind(update, args);
            return update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement statement, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            statement.setObject(i + 1, args[i]);
        }
    }

    private static List<String> ids(String joined) {
        return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(" "));
    }
}
