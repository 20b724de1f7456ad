package dev.kotae.learning.evidence;

import dev.kotae.analytics.AnalyticsDatabase;
import dev.kotae.config.LearningConfig;
import dev.kotae.learning.Decision;
import dev.kotae.learning.Evidence;
import dev.kotae.learning.Learned;
import dev.kotae.learning.LearnedBuilder;
import dev.kotae.learning.LearnedSink;
import dev.kotae.util.DaemonThreads;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The learning loop: every {@code learning.intervalSeconds}, and on demand, reads the events recorded
 * since the last cycle into evidence ({@link EvidenceIngestion}), builds what ranking uses from the evidence
 * strong enough and the agents' decisions ({@link LearnedBuilder}), and publishes it through the
 * {@link LearnedSink} when it changed. After a restart the first cycle publishes what the stored evidence
 * says, so ranking keeps what was learned.
 *
 * <p>A pair reaches the builder only when at least {@code learning.minSessions} distinct sessions from at
 * least {@code learning.minAddresses} distinct client addresses chose it, or when an agent decided about
 * it; and only in its article's own scope (a public article's evidence from anonymous searches, an internal
 * one's from agents'), so nothing learned from agents can reach an anonymous caller.
 */
public final class LearningService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LearningService.class);
    /** Choices older than this many half-lives weigh under 1/256 and are forgotten. */
    private static final int KEPT_HALF_LIVES = 8;
    /**
     * How often choices older than {@link #KEPT_HALF_LIVES} half-lives are deleted: the delete reads the whole
     * table, and a day's delay in forgetting what weighs under 0.4% changes nothing.
     */
    private static final Duration PRUNE_EVERY = Duration.ofDays(1);

    /** What a cycle left in use. */
    public record Cycle(long version, int evidence, int phrasings) {}

    /**
     * A learned phrasing (or a routed query) as agents review it.
     *
     * @param scope {@code public} or {@code agents}
     * @param decision {@code approved}, {@code rejected}, {@code always}, {@code routed}, or {@code null}
     */
    public record PhrasingRow(String queryGroup, String written, String articleId, String scope, double sessions,
            double addresses, double clicks, double skips, double satisfied, Instant lastSeen, double confidence,
            boolean inUse, String decision) {}

    /** Waits until the events journaled so far are in the database (the analytics shipper). */
    @FunctionalInterface
    public interface Delivery {
        boolean awaitDelivered(Duration timeout) throws InterruptedException;
    }

    /** Whose searches an article learns from: its audience, or empty when there is no such article. */
    @FunctionalInterface
    public interface ArticleScopes {
        Optional<Evidence.Scope> scopeOf(String articleId) throws IOException;
    }

    private final AnalyticsDatabase database;
    private final EvidenceIngestion ingestion;
    private final EvidenceStore store;
    private final LearningConfig config;
    private final LearnedSink sink;
    private final ArticleScopes articles;
    private final Delivery delivery;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private volatile Learned current;
    private volatile boolean failing;
    /** When old choices were last forgotten (guarded by {@code this}); {@code null} before the first cycle. */
    private Instant prunedAt;

    public LearningService(AnalyticsDatabase database, LearningConfig config, LearnedSink sink, ArticleScopes articles,
            Delivery delivery, Clock clock) {
        this.database = database;
        this.ingestion = new EvidenceIngestion(database.dataSource());
        this.store = new EvidenceStore(database.dataSource());
        this.config = config;
        this.sink = sink;
        this.articles = articles;
        this.delivery = delivery;
        this.clock = clock;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(DaemonThreads.named("kotae-learning"));
    }

    /** Runs a cycle now (publishing what the stored evidence says) and then every interval, when enabled. */
    public void start() {
        if (config.enabled()) {
            scheduler.scheduleWithFixedDelay(this::runQuietly, 0, config.interval().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    public boolean enabled() {
        return config.enabled();
    }

    /** What ranking uses now; {@link Learned#NONE} before the first cycle. */
    public Learned current() {
        Learned learned = current;
        return learned == null ? Learned.NONE : learned;
    }

    /**
     * Waits (at most {@code wait}) until every event journaled before the call is in the database, then
     * runs a cycle: what was acknowledged before the call counts.
     */
    public Cycle runAfterDelivery(Duration wait) throws SQLException, IOException, InterruptedException {
        if (!delivery.awaitDelivered(wait)) {
            throw new SQLException("the analytics database did not take the journaled events within " + wait);
        }
        return run();
    }

    /** One cycle: new events into evidence, evidence and decisions into a {@link Learned}, published if changed. */
    public synchronized Cycle run() throws SQLException, IOException {
        if (!database.migrated()) {
            throw new SQLException("the analytics database has not answered yet");
        }
        Learned before = current;
        if (before == null) {
            before = new Learned(store.learnedVersion(), Map.of());
        }
        ingestion.ingest();
        Instant now = clock.instant();
        if (prunedAt == null || !now.isBefore(prunedAt.plus(PRUNE_EVERY))) {
            store.prune(now.minus(config.halfLife().multipliedBy(KEPT_HALF_LIVES)));
            prunedAt = now;
        }
        List<EvidenceStore.Tally> tallies = inOwnScope(store.tallies(now, config.halfLife()));
        Map<Evidence.Key, Decision> decisions = new HashMap<>();
        Map<Evidence.Key, String> decidedAsWritten = new HashMap<>();
        for (EvidenceStore.StoredDecision decided : store.decisions().values()) {
            if (inOwnScope(decided.key())) {
                decisions.put(decided.key(), decided.decision());
                if (decided.written() != null) {
                    decidedAsWritten.put(decided.key(), decided.written());
                }
            }
        }
        List<Evidence> strong = new ArrayList<>();
        for (EvidenceStore.Tally tally : tallies) {
            if (decisions.containsKey(tally.evidence().key()) || (tally.sessions() >= config.minSessions()
                    && tally.addresses() >= config.minAddresses())) {
                strong.add(tally.evidence());
            }
        }
        Learned next = LearnedBuilder.build(before.version() + 1, strong, decisions, decidedAsWritten, config.mode());
        if (!next.byArticle().equals(before.byArticle())) {
            sink.publish(next);
            store.saveLearnedVersion(next.version());
            current = next;
        } else {
            current = before;
        }
        return new Cycle(current.version(), tallies.size(), phrasings(current));
    }

    private void runQuietly() {
        try {
            run();
            if (failing) {
                LOG.info("Learning from analytics works again");
            }
            failing = false;
        } catch (SQLException | IOException | RuntimeException | Error e) {
            // Anything thrown out of here would end the schedule for good, silently: an Error (the heap
            // running out) is logged and retried like the rest.
            if (!failing) {
                LOG.warn("Learning from analytics failed; retried every {} s: {}", config.interval().toSeconds(),
                        e.toString());
            }
            failing = true;
        }
    }

    private static int phrasings(Learned learned) {
        return learned.byArticle().values().stream().mapToInt(List::size).sum();
    }

    /** The tallies whose scope is their article's audience (articles that no longer exist are left out). */
    private List<EvidenceStore.Tally> inOwnScope(List<EvidenceStore.Tally> tallies) throws IOException {
        Map<String, Optional<Evidence.Scope>> scopes = new HashMap<>();
        List<EvidenceStore.Tally> kept = new ArrayList<>();
        for (EvidenceStore.Tally tally : tallies) {
            Evidence e = tally.evidence();
            Optional<Evidence.Scope> scope = scopes.get(e.articleId());
            if (scope == null) {
                scope = articles.scopeOf(e.articleId());
                scopes.put(e.articleId(), scope);
            }
            if (scope.isPresent() && scope.get() == e.scope()) {
                kept.add(tally);
            }
        }
        return kept;
    }

    private boolean inOwnScope(Evidence.Key key) throws IOException {
        return articles.scopeOf(key.articleId()).filter(scope -> scope == key.scope()).isPresent();
    }

    /**
     * What was learned, for agents to review, strongest first.
     *
     * @param articleId only this article's, or {@code null} for all
     * @param decision {@code none} (undecided), {@code all}, or one decision's name
     */
    /**
     * The pairs agents routed (a query to an article), from the decisions alone: cheaper than
     * {@link #phrasings}, which reads every choice's evidence.
     */
    public List<Evidence.Key> routed() throws SQLException, IOException {
        List<Evidence.Key> routed = new ArrayList<>();
        for (EvidenceStore.StoredDecision decided : store.decisions().values()) {
            if (decided.decision() == Decision.ROUTED && inOwnScope(decided.key())) {
                routed.add(decided.key());
            }
        }
        return routed;
    }

    public List<PhrasingRow> phrasings(String articleId, String decision, int limit) throws SQLException, IOException {
        Map<Evidence.Key, EvidenceStore.StoredDecision> decisions = store.decisions();
        List<PhrasingRow> rows = new ArrayList<>();
        Set<Evidence.Key> listed = new HashSet<>();
        for (EvidenceStore.Tally tally : inOwnScope(store.tallies(clock.instant(), config.halfLife()))) {
            Evidence e = tally.evidence();
            listed.add(e.key());
            rows.add(row(e, decisions.get(e.key())));
        }
        for (EvidenceStore.StoredDecision decided : decisions.values()) {
            if (!listed.contains(decided.key()) && inOwnScope(decided.key())) {
                rows.add(row(noEvidence(decided.key(), decided.written()), decided));
            }
        }
        return rows.stream()
                .filter(row -> articleId == null || row.articleId().equals(articleId))
                .filter(row -> "all".equals(decision) || ("none".equals(decision) ? row.decision() == null
                        : decision.equals(row.decision())))
                .sorted(Comparator.comparingDouble(PhrasingRow::confidence).reversed()
                        .thenComparing(PhrasingRow::queryGroup).thenComparing(PhrasingRow::articleId))
                .limit(limit)
                .toList();
    }

    /**
     * Records an agent's decision about a pair and returns it as reviewed; it is used from the next cycle on.
     *
     * @param written the query as the agent wrote it, kept when no visitor's spelling is known
     * @throws IllegalArgumentException when there is no such article or the scope is not the article's audience
     */
    public PhrasingRow decide(Evidence.Key key, String written, Decision decision, String decidedBy)
            throws SQLException, IOException {
        Evidence evidence = evidence(key, written);
        EvidenceStore.StoredDecision stored = store.decide(key, evidence.written(), decision, decidedBy, clock.instant());
        return row(evidence, stored);
    }

    /** Whose searches the article learns from (its audience), or empty when there is no such article. */
    public Optional<Evidence.Scope> scopeOf(String articleId) throws IOException {
        return articles.scopeOf(articleId);
    }

    /**
     * What visitors' searches say of a pair now (none: its query as {@code written}), checked as
     * {@link #decide} checks it, before anything is decided.
     *
     * @throws IllegalArgumentException when there is no such article or the scope is not the article's audience
     */
    public Evidence evidence(Evidence.Key key, String written) throws SQLException, IOException {
        Optional<Evidence.Scope> scope = articles.scopeOf(key.articleId());
        if (scope.isEmpty()) {
            throw new IllegalArgumentException("there is no article " + key.articleId());
        }
        if (scope.get() != key.scope()) {
            throw new IllegalArgumentException("article " + key.articleId() + " learns from "
                    + scope.get().key() + " searches only, not " + key.scope().key());
        }
        return store.tally(key, clock.instant(), config.halfLife()).map(EvidenceStore.Tally::evidence)
                .orElse(noEvidence(key, written));
    }

    private Evidence noEvidence(Evidence.Key key, String written) {
        return new Evidence(key.queryGroup(), written == null ? key.queryGroup() : written, key.articleId(), key.scope(),
                0, 0, 0, 0, 0, Instant.EPOCH);
    }

    private PhrasingRow row(Evidence e, EvidenceStore.StoredDecision decided) {
        boolean inUse = current().of(e.articleId()).stream()
                .anyMatch(p -> p.text().equals(e.written()) || p.text().equals(e.queryGroup()));
        return new PhrasingRow(e.queryGroup(), e.written(), e.articleId(), e.scope().key(), e.sessions(),
                e.addresses(), e.clicks(), e.skips(), e.satisfied(), e.sessions() > 0 ? e.lastSeen() : null,
                LearnedBuilder.confidence(e), inUse,
                decided == null ? null : decided.decision().name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void close() {
        DaemonThreads.stop(scheduler, Duration.ofSeconds(5));
    }
}
