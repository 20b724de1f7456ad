package dev.kotae.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns evidence and agents' decisions into what ranking uses ({@link Learned}): the confidence rule.
 *
 * <p>Evidence counts only while enough distinct visitors' worth of it is left after its decay with age: at
 * least {@link #MIN_SESSIONS} sessions from at least {@link #MIN_ADDRESSES} addresses, so no single visitor,
 * address or burst of one session's clicks makes a phrasing, and a phrasing nobody chose for months fades
 * out. (Before evidence reaches the builder, the server also asks for {@code learning.minSessions} and
 * {@code learning.minAddresses} distinct visitors, counted without decay: the configurable floor against
 * abuse; these two are the floor of the rule itself, for the simulation as for the server.) Past that, its confidence is how much visitors preferred the article for the
 * query against the times they passed it over:
 * <pre>
 *   positive   = min(clicks, {@value #MAX_CLICK_WEIGHT} × visitors) × ({@value #UNSATISFIED_SHARE} + (1 − {@value #UNSATISFIED_SHARE}) × satisfied / sessions)
 *   confidence = positive / (positive + skips + {@value #DOUBT})
 * </pre>
 * where visitors is the lesser of sessions and addresses and clicks are already weighted against position
 * bias (a click at rank 8 counts more than one at rank 1, but no visitor's more than
 * {@value #MAX_CLICK_WEIGHT} times). A choice that ended well (a helpful vote, a widget's "solved", no quick
 * return to search) counts fully, one that did not counts {@value #UNSATISFIED_SHARE} of it; {@value #DOUBT}
 * visitors' worth of doubt keeps a little evidence from being certain.
 *
 * <p>Decisions come first: a {@link Decision#REJECTED REJECTED} phrasing is never used, nor is an
 * {@link Decision#ALWAYS ALWAYS} one (it is written into the article's {@code questions:}, so it is a
 * question of the article now, not a learned phrasing); an {@link Decision#APPROVED APPROVED} one is a
 * learned question whose strength (its weight in the click prior) is its evidence's confidence, at least
 * {@link #QUESTION_CONFIDENCE}; a {@link Decision#ROUTED ROUTED} one, or an approved one without evidence,
 * is a learned question at full strength. The rest depends on the mode:
 * {@link LearningMode#AUTOMATIC} uses a phrasing of confidence at least {@link #QUESTION_CONFIDENCE} as a
 * learned question and every other one that passed the minimum only for its words' association with the
 * article (the bounded click prior); {@link LearningMode#APPROVED_ONLY} uses nothing an agent did not decide
 * on, not even in the prior, so nothing reaches ranking without an agent.
 *
 * <p>An article learns from one scope of searches only: an article with evidence or decisions from anonymous
 * visitors' searches is one anonymous visitors can see (a public one), so whatever agents' searches said
 * about it is left out and never indexed where the public searches.
 */
public final class LearnedBuilder {

    /** Fewest sessions' worth of evidence, after decay, for it to count at all. */
    public static final double MIN_SESSIONS = 2;
    /** Fewest client addresses' worth of evidence, after decay, for it to count at all. */
    public static final double MIN_ADDRESSES = 2;
    /** Most a visitor's position-weighted clicks count for, as multiples of a click at rank 1. */
    public static final double MAX_CLICK_WEIGHT = 3;
    /** What a choice that did not end well counts against one that did. */
    public static final double UNSATISFIED_SHARE = 0.3;
    /** Visitors' worth of doubt in every confidence. */
    public static final double DOUBT = 2;
    /** Confidence from which {@link LearningMode#AUTOMATIC} uses a phrasing as a learned question. */
    public static final double QUESTION_CONFIDENCE = 0.5;
    /** Most phrasings kept per article, strongest first: bounds what one article's document holds. */
    public static final int MAX_PER_ARTICLE = 50;

    private LearnedBuilder() {}

    /**
     * What ranking uses, from all {@code evidence} (one row per key) and the agents' {@code decisions}; a
     * decided key without evidence is written as its query group.
     *
     * @param version the version of the result ({@link Learned#version}): the caller's, greater than the last one's
     */
    public static Learned build(long version, Collection<Evidence> evidence, Map<Evidence.Key, Decision> decisions,
            LearningMode mode) {
        return build(version, evidence, decisions, Map.of(), mode);
    }

    /**
     * What ranking uses, from all {@code evidence} (one row per key) and the agents' {@code decisions}.
     *
     * @param version the version of the result ({@link Learned#version}): the caller's, greater than the last one's
     * @param decisions by key; a key without evidence (a routed query) is a phrasing of its own
     * @param decidedAsWritten the query as the agent saw it written, by decided key: the text of a phrasing
     *     without evidence (its query group is folded, and Japanese typed in hiragana is split into other
     *     words than its katakana fold, so a customer's query would not match the group), else the group
     */
    public static Learned build(long version, Collection<Evidence> evidence, Map<Evidence.Key, Decision> decisions,
            Map<Evidence.Key, String> decidedAsWritten, LearningMode mode) {
        Map<Evidence.Key, Evidence> byKey = new LinkedHashMap<>();
        for (Evidence row : evidence) {
            byKey.merge(row.key(), row, (a, b) -> a.sessions() >= b.sessions() ? a : b);
        }
        Set<Evidence.Key> keys = new HashSet<>(byKey.keySet());
        keys.addAll(decisions.keySet());
        Set<String> seenByPublic = new HashSet<>();
        for (Evidence.Key key : keys) {
            if (key.scope() == Evidence.Scope.PUBLIC) {
                seenByPublic.add(key.articleId());
            }
        }
        Map<String, List<Learned.Phrasing>> byArticle = new HashMap<>();
        Map<String, Map<String, Learned.Phrasing>> byText = new HashMap<>();
        for (Evidence.Key key : keys) {
            if (key.scope() == Evidence.Scope.AGENTS && seenByPublic.contains(key.articleId())) {
                continue; // a public article: what agents' searches say of it stays out of its document
            }
            Learned.Phrasing phrasing = phrasing(byKey.get(key), key, decidedAsWritten.get(key), decisions.get(key), mode);
            if (phrasing == null) {
                continue;
            }
            // Two query groups can be written alike: one phrasing per text, the stronger (a question first).
            byText.computeIfAbsent(key.articleId(), id -> new HashMap<>()).merge(phrasing.text(), phrasing,
                    (a, b) -> STRONGEST_FIRST.compare(a, b) <= 0 ? a : b);
        }
        byText.forEach((articleId, phrasings) -> {
            List<Learned.Phrasing> sorted = new ArrayList<>(phrasings.values());
            sorted.sort(STRONGEST_FIRST);
            byArticle.put(articleId, List.copyOf(sorted.subList(0, Math.min(MAX_PER_ARTICLE, sorted.size()))));
        });
        return new Learned(version, byArticle);
    }

    /** Questions before association only, then by strength, then by text: the same order on every run. */
    private static final Comparator<Learned.Phrasing> STRONGEST_FIRST = Comparator
            .comparing((Learned.Phrasing p) -> !p.asQuestion())
            .thenComparing(Learned.Phrasing::strength, Comparator.reverseOrder())
            .thenComparing(Learned.Phrasing::text);

    /** The phrasing of one key, or {@code null} if it is not used. */
    private static Learned.Phrasing phrasing(Evidence evidence, Evidence.Key key, String decidedAsWritten,
            Decision decision, LearningMode mode) {
        String text = (evidence != null ? evidence.written() : decidedAsWritten != null && !decidedAsWritten.isBlank()
                ? decidedAsWritten : key.queryGroup()).strip();
        if (text.isEmpty() || decision == Decision.REJECTED || decision == Decision.ALWAYS) {
            return null;
        }
        if (decision != null) { // APPROVED, ROUTED
            // Approval says the phrasing is right for the article, not that customers tied its words to it
            // more strongly than they did: its click prior keeps the evidence's confidence, at least a
            // learned question's. A routed query (or an approval without evidence) has only the agent's word.
            double strength = decision == Decision.APPROVED && evidence != null
                    ? Math.max(QUESTION_CONFIDENCE, confidence(evidence)) : 1.0;
            return new Learned.Phrasing(text, strength, true);
        }
        if (mode == LearningMode.APPROVED_ONLY || evidence == null) {
            return null;
        }
        double confidence = confidence(evidence);
        if (confidence <= 0) {
            return null;
        }
        return new Learned.Phrasing(text, confidence, confidence >= QUESTION_CONFIDENCE);
    }

    /**
     * How sure the evidence makes it that the article answers the query, in [0, 1): 0 below the minimum of
     * distinct sessions and addresses (see the class description for the rule).
     */
    public static double confidence(Evidence evidence) {
        if (!(evidence.sessions() >= MIN_SESSIONS && evidence.addresses() >= MIN_ADDRESSES)) {
            return 0; // NaN included
        }
        double visitors = Math.min(evidence.sessions(), evidence.addresses());
        double clicks = Math.min(Math.max(0, evidence.clicks()), MAX_CLICK_WEIGHT * visitors);
        double satisfied = Math.min(1, Math.max(0, evidence.satisfied() / evidence.sessions()));
        double positive = clicks * (UNSATISFIED_SHARE + (1 - UNSATISFIED_SHARE) * satisfied);
        double confidence = positive / (positive + Math.max(0, evidence.skips()) + DOUBT);
        return Double.isFinite(confidence) ? confidence : 0;
    }
}
