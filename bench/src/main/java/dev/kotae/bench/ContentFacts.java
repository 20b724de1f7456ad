package dev.kotae.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * What the comparison's requests are made of, read from the front matter of a content folder's Markdown
 * files: article ids, titles and alternative questions (as searches), categories and tags (as filters).
 * A plain line reader, not Kotae's parser, so the requests do not depend on the build being compared;
 * every list is sorted so the same folder gives the same requests.
 */
record ContentFacts(List<Article> articles, List<String> categories, List<String> tags) {

    /** One article's front matter, as far as the requests need it. */
    record Article(String id, String locale, String title, List<String> questions) {}

    static ContentFacts read(Path content) throws IOException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(content)) {
            files = walk.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
        List<Article> articles = new ArrayList<>();
        TreeSet<String> categories = new TreeSet<>();
        TreeSet<String> tags = new TreeSet<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            if (lines.isEmpty() || !lines.get(0).equals("---")) {
                continue;
            }
            String name = file.getFileName().toString();
            String id = name.substring(0, name.length() - ".md".length());
            String locale = "";
            String title = "";
            List<String> questions = new ArrayList<>();
            boolean inQuestions = false;
            for (String line : lines.subList(1, lines.size())) {
                if (line.equals("---")) {
                    break;
                }
                if (inQuestions && line.startsWith("  - ")) {
                    questions.add(unquoted(line.substring(4)));
                    continue;
                }
                inQuestions = line.equals("questions:");
                int colon = line.indexOf(": ");
                if (colon < 0) {
                    continue;
                }
                String value = line.substring(colon + 2).strip();
                switch (line.substring(0, colon)) {
                    case "id" -> id = unquoted(value);
                    case "locale" -> locale = unquoted(value);
                    case "title" -> title = unquoted(value);
                    case "category" -> categories.add(unquoted(value));
                    case "tags" -> Arrays.stream(value.replaceAll("^\\[|]$", "").split(","))
                            .map(ContentFacts::unquoted).filter(t -> !t.isEmpty()).forEach(tags::add);
                    default -> { }
                }
            }
            articles.add(new Article(id, locale, title, List.copyOf(questions)));
        }
        return new ContentFacts(List.copyOf(articles), List.copyOf(categories), List.copyOf(tags));
    }

    private static String unquoted(String value) {
        String text = value.strip();
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            text = text.substring(1, text.length() - 1).replace("\\\"", "\"").replace("\\\\", "\\");
        }
        return text;
    }
}
