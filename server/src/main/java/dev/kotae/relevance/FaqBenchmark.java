package dev.kotae.relevance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
    public record Query(String id, String text) {}

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

    /** The benchmark's language (all its FAQs share one). */
    public String lang() {
        return faqs.isEmpty() ? "en" : faqs.get(0).lang();
    }
}
