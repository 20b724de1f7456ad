package dev.kotae.relevance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The fixed split of a benchmark's queries for measuring learning: past traffic, which simulated visitors
 * ask and click on, and future customers, whose queries are scored after the server learned. The halves
 * are fixed by the SHA-256 of a query's id (its first byte even or odd): about half each, the same on every
 * run and machine, and independent of the order of the file. Which half is scored is the only choice:
 * {@link #REPORTED} is the one every figure and floor is measured on; {@link #SWAPPED} scores the other
 * half, to see how much a figure owes to which half happens to be scored.
 */
public enum LearningSplit {

    /** Even first byte traffic, odd first byte scored: the split the reported figures and floors use. */
    REPORTED,
    /**
     * The same halves the other way round: a check of how far a figure depends on the half scored, not a
     * second result to choose from.
     */
    SWAPPED;

    /** Whether the query with {@code id} is past traffic (otherwise it is scored). */
    public boolean isTraffic(String id) {
        return evenFirstByte(id) == (this == REPORTED);
    }

    /** The traffic queries of {@code queries}, in their order. */
    public List<FaqBenchmark.Query> traffic(List<FaqBenchmark.Query> queries) {
        return queries.stream().filter(query -> isTraffic(query.id())).toList();
    }

    /** The scored queries of {@code queries}, in their order. */
    public List<FaqBenchmark.Query> scored(List<FaqBenchmark.Query> queries) {
        return queries.stream().filter(query -> !isTraffic(query.id())).toList();
    }

    /** What the names of this split's run files end with, so a check never overwrites the reported runs. */
    public String runSuffix() {
        return this == REPORTED ? "" : "-swapped";
    }

    private static boolean evenFirstByte(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
