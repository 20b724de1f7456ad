package dev.kotae.learning;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PLACEHOLDER for the evidence side's branch (issue 28, helper A): the ranking side owns the real rule and
 * replaces this file at merge. It keeps the contract's signature and a plain confidence rule so the
 * evidence side can be built and tested end to end.
 */
public final class LearnedBuilder {

    /** Confidence at which an automatic phrasing is used as a learned question. */
    static final double QUESTION_CONFIDENCE = 0.5;

    private LearnedBuilder() {}

    /**
     * How strongly the evidence ties the query to the article, in [0, 1): more distinct sessions, more of
     * them satisfied and fewer passing it over make it stronger.
     */
    public static double confidence(Evidence evidence) {
        double sessions = evidence.sessions();
        if (sessions <= 0) {
            return 0;
        }
        double satisfied = Math.min(1, evidence.satisfied() / sessions);
        double chosen = sessions / (sessions + evidence.skips());
        return (1 - Math.pow(0.5, sessions / 3)) * (0.5 + 0.5 * satisfied) * chosen;
    }

    /** What ranking uses, from the evidence that passed the thresholds and the agents' decisions. */
    public static Learned build(long version, Collection<Evidence> evidence, Map<Evidence.Key, Decision> decisions,
            LearningMode mode) {
        Map<String, List<Learned.Phrasing>> byArticle = new HashMap<>();
        Set<Evidence.Key> seen = new HashSet<>();
        for (Evidence e : evidence) {
            seen.add(e.key());
            Decision decision = decisions.get(e.key());
            if (decision == Decision.REJECTED || decision == Decision.ALWAYS) {
                continue;
            }
            double confidence = confidence(e);
            boolean approved = decision == Decision.APPROVED || decision == Decision.ROUTED;
            boolean question = approved || (mode == LearningMode.AUTOMATIC && confidence >= QUESTION_CONFIDENCE);
            if (!question && mode == LearningMode.APPROVED_ONLY) {
                continue;
            }
            byArticle.computeIfAbsent(e.articleId(), id -> new ArrayList<>())
                    .add(new Learned.Phrasing(e.written(), Math.max(confidence, approved ? 1 : 0.01), question));
        }
        for (Map.Entry<Evidence.Key, Decision> decided : decisions.entrySet()) {
            if (decided.getValue() == Decision.ROUTED && !seen.contains(decided.getKey())) {
                byArticle.computeIfAbsent(decided.getKey().articleId(), id -> new ArrayList<>())
                        .add(new Learned.Phrasing(decided.getKey().queryGroup(), 1, true));
            }
        }
        byArticle.replaceAll((id, phrasings) -> List.copyOf(phrasings));
        return new Learned(version, byArticle);
    }
}
