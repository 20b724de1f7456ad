package dev.kotae.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The confidence rule and the decisions, one case each. */
class LearnedBuilderTest {

    private static final Instant SEEN = Instant.parse("2026-12-01T00:00:00Z");

    /** Evidence of {@code sessions} distinct visitors from as many addresses, each clicking once at rank 1. */
    private static Evidence chosen(String query, String article, double sessions, double satisfied, double skips) {
        return new Evidence(query, query, article, Evidence.Scope.PUBLIC, sessions, sessions, sessions, skips,
                satisfied, SEEN);
    }

    private static Learned build(LearningMode mode, Map<Evidence.Key, Decision> decisions, Evidence... evidence) {
        return LearnedBuilder.build(7, List.of(evidence), decisions, mode);
    }

    @Test
    void oneSessionOrOneAddressTeachesNothing() {
        Evidence oneSession = new Evidence("refund", "refund", "a", Evidence.Scope.PUBLIC, 1, 1, 10_000, 0, 1, SEEN);
        Evidence oneAddress = new Evidence("refund", "refund", "b", Evidence.Scope.PUBLIC, 500, 1, 500, 0, 500, SEEN);
        Learned learned = build(LearningMode.AUTOMATIC, Map.of(), oneSession, oneAddress);
        assertEquals(Map.of(), learned.byArticle());
        assertEquals(7, learned.version());
    }

    @Test
    void satisfiedVisitorsMakeALearnedQuestionUnsatisfiedOnesOnlyAnAssociation() {
        Learned learned = build(LearningMode.AUTOMATIC, Map.of(), chosen("refund", "good", 5, 5, 0),
                chosen("refund", "meh", 5, 0, 0));
        Learned.Phrasing good = learned.of("good").get(0);
        Learned.Phrasing meh = learned.of("meh").get(0);
        assertTrue(good.asQuestion(), "five satisfied visitors: " + good);
        assertFalse(meh.asQuestion(), "five who went on searching: " + meh);
        assertTrue(good.strength() > meh.strength());
        assertTrue(meh.strength() > 0 && good.strength() < 1);
    }

    @Test
    void skipsLowerTheConfidence() {
        double unskipped = LearnedBuilder.confidence(chosen("refund", "a", 3, 3, 0));
        double skipped = LearnedBuilder.confidence(chosen("refund", "a", 3, 3, 10));
        assertTrue(skipped < unskipped, skipped + " < " + unskipped);
    }

    @Test
    void aClickFurtherDownCountsMoreButAVisitorOnlyUpToACap() {
        Evidence top = new Evidence("q", "q", "a", Evidence.Scope.PUBLIC, 2, 2, 2, 0, 2, SEEN);
        Evidence third = new Evidence("q", "q", "a", Evidence.Scope.PUBLIC, 2, 2, 6, 0, 2, SEEN);
        Evidence eighth = new Evidence("q", "q", "a", Evidence.Scope.PUBLIC, 2, 2, 16, 0, 2, SEEN);
        assertTrue(LearnedBuilder.confidence(third) > LearnedBuilder.confidence(top));
        assertEquals(LearnedBuilder.confidence(third), LearnedBuilder.confidence(eighth), 1e-12);
    }

    @Test
    void decisionsComeBeforeEvidence() {
        Evidence strong = chosen("refund", "a", 50, 50, 0);
        Evidence weak = chosen("return", "a", 2, 0, 5);
        Map<Evidence.Key, Decision> decisions = Map.of(strong.key(), Decision.REJECTED, weak.key(), Decision.APPROVED,
                new Evidence.Key("money back", "a", Evidence.Scope.PUBLIC), Decision.ROUTED);
        Learned learned = build(LearningMode.AUTOMATIC, decisions, strong, weak);
        assertEquals(List.of(new Learned.Phrasing("money back", 1, true),
                new Learned.Phrasing("return", LearnedBuilder.QUESTION_CONFIDENCE, true)), learned.of("a"));
    }

    @Test
    void anApprovedPhrasingKeepsItsEvidencesConfidenceAtLeastAQuestionsOnlyARoutedOneIsFull() {
        Evidence confident = chosen("refund", "a", 50, 50, 0);
        Evidence doubtful = chosen("return", "a", 2, 0, 5);
        Map<Evidence.Key, Decision> decisions = Map.of(confident.key(), Decision.APPROVED, doubtful.key(),
                Decision.APPROVED, new Evidence.Key("money back", "a", Evidence.Scope.PUBLIC), Decision.ROUTED);
        Map<String, Double> strengths = new java.util.HashMap<>();
        build(LearningMode.AUTOMATIC, decisions, confident, doubtful).of("a")
                .forEach(phrasing -> strengths.put(phrasing.text(), phrasing.strength()));
        double confidence = LearnedBuilder.confidence(confident);
        assertTrue(confidence > LearnedBuilder.QUESTION_CONFIDENCE && confidence < 1, "fifty satisfied: " + confidence);
        assertEquals(Map.of("refund", confidence, "return", LearnedBuilder.QUESTION_CONFIDENCE, "money back", 1.0),
                strengths);
    }

    @Test
    void approvedOnlyUsesNothingAnAgentDidNotDecideOn() {
        Evidence decided = chosen("refund", "a", 2, 2, 0);
        Evidence undecided = chosen("return", "a", 50, 50, 0);
        Learned learned = build(LearningMode.APPROVED_ONLY, Map.of(decided.key(), Decision.APPROVED), decided, undecided);
        assertEquals(List.of(new Learned.Phrasing("refund", LearnedBuilder.QUESTION_CONFIDENCE, true)), learned.of("a"));
    }

    @Test
    void aPhrasingWrittenIntoQuestionsIsNoLongerLearned() {
        Evidence written = chosen("refund", "a", 50, 50, 0);
        Evidence other = chosen("money back", "a", 2, 2, 0);
        Learned learned = build(LearningMode.APPROVED_ONLY, Map.of(written.key(), Decision.ALWAYS, other.key(),
                Decision.APPROVED), written, other);
        assertEquals(List.of(new Learned.Phrasing("money back", LearnedBuilder.QUESTION_CONFIDENCE, true)),
                learned.of("a"));
    }

    @Test
    void whatAgentsSearchedNeverJoinsAnArticleThePublicFoundToo() {
        Evidence publicly = chosen("refund", "a", 3, 3, 0);
        Evidence byAgents = new Evidence("refund playbook", "refund playbook", "a", Evidence.Scope.AGENTS, 9, 9, 9, 0,
                9, SEEN);
        Evidence internal = new Evidence("escalate", "escalate", "b", Evidence.Scope.AGENTS, 9, 9, 9, 0, 9, SEEN);
        Learned learned = build(LearningMode.AUTOMATIC, Map.of(), publicly, byAgents, internal);
        assertEquals(List.of("refund"), learned.of("a").stream().map(Learned.Phrasing::text).toList());
        assertEquals(List.of("escalate"), learned.of("b").stream().map(Learned.Phrasing::text).toList());
    }

    @Test
    void anArticleKeepsItsStrongestPhrasingsOnly() {
        Evidence[] many = new Evidence[LearnedBuilder.MAX_PER_ARTICLE + 10];
        for (int i = 0; i < many.length; i++) {
            many[i] = chosen("query " + i, "a", 2 + i, 2 + i, 0);
        }
        List<Learned.Phrasing> kept = build(LearningMode.AUTOMATIC, Map.of(), many).of("a");
        assertEquals(LearnedBuilder.MAX_PER_ARTICLE, kept.size());
        assertEquals("query " + (many.length - 1), kept.get(0).text());
        assertFalse(kept.stream().anyMatch(p -> p.text().equals("query 0")));
    }
}
