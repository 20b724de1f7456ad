package dev.kotae.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether two servers gave the same answer to one request, ignoring what differs between any two runs of
 * the same build: how long the request took, and the per-visitor secrets of a page.
 *
 * <p>JSON bodies are compared as parsed trees without the timing fields ({@link #TIMING_FIELDS}, at any
 * depth), so numbers compare by value (a score must match to the last bit) and key order does not count.
 * Any other body (the site's HTML pages) is compared as text with CSRF tokens and nonces blanked. A
 * difference is described by its first differing place: a JSON path such as {@code $.hits[3].score}, or a
 * line number.
 */
final class AnswerDiff {

    /** Fields that time the request rather than answer it. */
    static final Set<String> TIMING_FIELDS = Set.of("tookMs", "tookMillis");

    /** Per-visitor secrets on a page: the form token (meta tag and hidden inputs) and script nonces. */
    private static final Pattern[] PAGE_SECRETS = {
        Pattern.compile("(<meta name=\"kotae-csrf\" content=\")[^\"]*"),
        Pattern.compile("(name=\"csrf\" value=\")[^\"]*"),
        Pattern.compile("(nonce=\")[^\"]*"),
    };

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHOWN = 80;

    /** One answer: its status and body. */
    record Answer(int status, String body) {}

    /** The first difference between the two answers, or empty if they are the same answer. */
    static Optional<String> firstDifference(Answer old, Answer updated) {
        if (old.status() != updated.status()) {
            return Optional.of("status " + old.status() + " ≠ " + updated.status());
        }
        Optional<JsonNode> oldJson = json(old.body());
        Optional<JsonNode> newJson = json(updated.body());
        if (oldJson.isPresent() && newJson.isPresent()) {
            return firstDifference("$", withoutTiming(oldJson.get()), withoutTiming(newJson.get()));
        }
        return firstDifferentLine(withoutSecrets(old.body()), withoutSecrets(updated.body()));
    }

    private static Optional<JsonNode> json(String body) {
        String start = body.stripLeading();
        if (!start.startsWith("{") && !start.startsWith("[")) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readTree(body));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }

    private static JsonNode withoutTiming(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TIMING_FIELDS);
        }
        node.forEach(AnswerDiff::withoutTiming);
        return node;
    }

    private static Optional<String> firstDifference(String path, JsonNode old, JsonNode updated) {
        if (old.equals(updated)) {
            return Optional.empty();
        }
        if (old.isObject() && updated.isObject()) {
            Set<String> names = new LinkedHashSet<>();
            old.fieldNames().forEachRemaining(names::add);
            updated.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode a = old.get(name);
                JsonNode b = updated.get(name);
                if (a == null || b == null) {
                    return Optional.of(path + "." + name + ": " + shown(a) + " ≠ " + shown(b));
                }
                Optional<String> inside = firstDifference(path + "." + name, a, b);
                if (inside.isPresent()) {
                    return inside;
                }
            }
        } else if (old.isArray() && updated.isArray()) {
            int common = Math.min(old.size(), updated.size());
            for (int i = 0; i < common; i++) {
                Optional<String> inside = firstDifference(path + "[" + i + "]", old.get(i), updated.get(i));
                if (inside.isPresent()) {
                    return inside;
                }
            }
            return Optional.of(path + ": " + old.size() + " elements ≠ " + updated.size());
        }
        return Optional.of(path + ": " + shown(old) + " ≠ " + shown(updated));
    }

    private static String shown(JsonNode node) {
        return node == null ? "(absent)" : abbreviated(node.toString());
    }

    static String withoutSecrets(String page) {
        String text = page;
        for (Pattern secret : PAGE_SECRETS) {
            text = secret.matcher(text).replaceAll("$1…");
        }
        return text;
    }

    private static Optional<String> firstDifferentLine(String old, String updated) {
        if (old.equals(updated)) {
            return Optional.empty();
        }
        String[] a = old.split("\n", -1);
        String[] b = updated.split("\n", -1);
        for (int i = 0; i < Math.min(a.length, b.length); i++) {
            if (!a[i].equals(b[i])) {
                int column = 0;
                while (column < Math.min(a[i].length(), b[i].length()) && a[i].charAt(column) == b[i].charAt(column)) {
                    column++;
                }
                return Optional.of("line " + (i + 1) + " column " + (column + 1) + ": " + around(a[i], column)
                        + " ≠ " + around(b[i], column));
            }
        }
        return Optional.of(a.length + " lines ≠ " + b.length);
    }

    /** The text from a little before {@code column}, abbreviated. */
    private static String around(String line, int column) {
        int from = Math.max(0, column - 20);
        return (from > 0 ? "…" : "") + abbreviated(line.substring(from));
    }

    private static String abbreviated(String text) {
        return text.length() <= SHOWN ? text : text.substring(0, SHOWN) + "…";
    }

    private AnswerDiff() {}
}
