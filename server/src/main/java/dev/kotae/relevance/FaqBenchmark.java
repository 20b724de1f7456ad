package dev.kotae.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.search.SearchRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One FAQ retrieval benchmark as published in {@code ../shared/eval/<set>/}: the FAQs
 * ({@code corpus.jsonl}), the queries ({@code queries-dev.jsonl}) and their graded answers
 * ({@code qrels-dev.tsv}).
 */
public record FaqBenchmark(String name, List<Faq> faqs, List<Query> queries, Map<String, Map<String, Integer>> qrels) {

    /** One FAQ: its question becomes an article's title, its answer the body. */
    public record Faq(String id, String question, String answer, String lang) {}

    /** One user query. */
    public record Query(String id, String text) {

        /** The query as the evaluations send it: cut to what the search API accepts. */
        public String sent() {
            return text.length() > SearchRequest.MAX_QUERY_LENGTH ? text.substring(0, SearchRequest.MAX_QUERY_LENGTH) : text;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    public static FaqBenchmark load(Path folder) throws IOException {
        if (!Files.isRegularFile(folder.resolve("corpus.jsonl"))) {
            throw new IOException("no benchmark in " + folder + " (expected corpus.jsonl, queries-dev.jsonl, qrels-dev.tsv)");
        }
        List<Faq> faqs = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("corpus.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                faqs.add(new Faq(node.get("id").asText(), node.get("question").asText(), node.get("answer").asText(),
                        node.path("lang").asText("en")));
            }
        }
        List<Query> queries = new ArrayList<>();
        for (String line : Files.readAllLines(folder.resolve("queries-dev.jsonl"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                JsonNode node = JSON.readTree(line);
                queries.add(new Query(node.get("qid").asText(), node.get("text").asText()));
            }
        }
        Map<String, Map<String, Integer>> qrels = new LinkedHashMap<>();
        for (String line : Files.readAllLines(folder.resolve("qrels-dev.tsv"), StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                String[] parts = line.split("\t");
                qrels.computeIfAbsent(parts[0], q -> new LinkedHashMap<>()).put(parts[1], Integer.parseInt(parts[2].strip()));
            }
        }
        return new FaqBenchmark(folder.getFileName().toString(), faqs, queries, qrels);
    }

    /** The graded answers of those of {@code queries} that have any, by query id, in the queries' order. */
    public Map<String, Map<String, Integer>> qrelsOf(List<Query> queries) {
        Map<String, Map<String, Integer>> of = new LinkedHashMap<>();
        for (Query query : queries) {
            Map<String, Integer> grades = qrels.get(query.id());
            if (grades != null) {
                of.put(query.id(), grades);
            }
        }
        return of;
    }

    /** The highest grade among {@code grades}, 0 when there is none. */
    public static int topGrade(Map<String, Integer> grades) {
        return grades == null ? 0 : grades.values().stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** Whether {@code articleId} carries the top grade among {@code grades}, a non-zero one: the query's answer, not a related one. */
    public static boolean isAnswer(Map<String, Integer> grades, String articleId) {
        int top = topGrade(grades);
        return top > 0 && grades.getOrDefault(articleId, 0) == top;
    }

    /** The benchmark's language (all its FAQs share one). */
    public String lang() {
        return faqs.isEmpty() ? "en" : faqs.get(0).lang();
    }
}
