package dev.kotae.relevance;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The fixed split of a benchmark's queries for measuring learning: past traffic, which simulated visitors
 * ask and click on, and future customers, whose queries are scored after the server learned. A query goes
 * to the traffic when the first byte of the SHA-256 of its id is even: about half, the same on every run
 * and machine, and independent of the order of the file.
 */
public final class LearningSplit {

    private LearningSplit() {}

    /** Whether the query with {@code id} is past traffic (otherwise it is scored). */
    public static boolean isTraffic(String id) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return (digest[0] & 1) == 0;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The traffic queries of {@code queries}, in their order. */
    public static List<FaqBenchmark.Query> traffic(List<FaqBenchmark.Query> queries) {
        return queries.stream().filter(query -> isTraffic(query.id())).toList();
    }

    /** The scored queries of {@code queries}, in their order. */
    public static List<FaqBenchmark.Query> scored(List<FaqBenchmark.Query> queries) {
        return queries.stream().filter(query -> !isTraffic(query.id())).toList();
    }
}
