package dev.kotae.bench;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The requests both servers answer in a comparison, drawn from a fixed seed so every run sends the same
 * ones: searches (the benchmark's query mix, the content's titles, questions and tags, misspellings for
 * {@code didYouMean}, kana), browsing with filters, suggestions, articles with their related list, the
 * site's search page, and a few malformed searches; each as an anonymous visitor or as an agent, who
 * also sees internal articles.
 */
final class CompareRequests {

    static final long SEED = 20261205L;

    /** One request: what kind it is (for the report), its path and query, and whether an agent sends it. */
    record Request(String kind, String path, boolean agent) {
        @Override
        public String toString() {
            return kind + (agent ? " (agent) " : " ") + path;
        }
    }

    /** Kana as typed before the IME converts it: reaches kanji titles through their readings. */
    private static final List<String> KANA = List.of("へんきん", "はいそう", "ちゅうもん", "ぱすわーど", "くーぽん",
            "りょうしゅうしょ", "かいやく", "へんぴん", "しはらい", "ぽいんと", "へんき", "はいそ", "かいい");

    private final SplittableRandom random = new SplittableRandom(SEED);
    private final ContentFacts facts;
    private final List<SyntheticHelpCenter.Query> searches;
    private final List<SyntheticHelpCenter.Query> suggestInputs;

    /** {@code helpCenter} is the synthetic part of the content, or null if there is none. */
    CompareRequests(ContentFacts facts, SyntheticHelpCenter helpCenter) {
        this.facts = facts;
        this.searches = helpCenter == null ? List.of() : helpCenter.searchQueries(1_000);
        this.suggestInputs = helpCenter == null ? List.of() : helpCenter.suggestInputs(500);
    }

    /** {@code count} requests in the order they are sent. */
    List<Request> draw(int count) {
        List<Request> requests = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            boolean agent = random.nextBoolean();
            int kind = random.nextInt(100);
            if (kind < 50) {
                requests.add(new Request("search", "/api/v1/search?" + searchParameters(true), agent));
            } else if (kind < 60) {
                requests.add(new Request("browse", "/api/v1/search?" + browseParameters(), agent));
            } else if (kind < 73) {
                requests.add(new Request("suggest", "/api/v1/suggest?" + suggestParameters(), agent));
            } else if (kind < 85) {
                requests.add(new Request("article", "/api/v1/articles/" + encode(articleId()), agent));
            } else if (kind < 99) {
                requests.add(new Request("page", "/search?" + searchParameters(false), agent));
            } else {
                requests.add(new Request("malformed", "/api/v1/search?" + malformed(), agent));
            }
        }
        return requests;
    }

    private String searchParameters(boolean api) {
        Query query = query();
        StringBuilder parameters = new StringBuilder();
        add(parameters, "q", query.text());
        locale(parameters, query.locale());
        if (random.nextInt(100) < 15) {
            filter(parameters);
        }
        int page = random.nextInt(100);
        if (page >= 60) {
            add(parameters, "page", page < 85 ? 2 : 3);
        }
        if (api && random.nextInt(100) < 70) {
            add(parameters, "size", 5 + random.nextInt(16));
        }
        return parameters.toString();
    }

    private String browseParameters() {
        StringBuilder parameters = new StringBuilder(random.nextBoolean() ? "q=" : "");
        int filters = random.nextInt(3);
        for (int i = 0; i < filters; i++) {
            filter(parameters);
        }
        locale(parameters, random.nextBoolean() ? "ja" : "en");
        if (random.nextInt(100) < 40) {
            add(parameters, "page", 2 + random.nextInt(2));
        }
        add(parameters, "size", 5 + random.nextInt(16));
        return parameters.toString();
    }

    private String suggestParameters() {
        String text;
        String locale;
        int source = random.nextInt(100);
        if (source < 60 && !suggestInputs.isEmpty()) {
            SyntheticHelpCenter.Query input = suggestInputs.get(random.nextInt(suggestInputs.size()));
            text = input.text();
            locale = input.locale();
        } else if (source < 75) {
            text = KANA.get(random.nextInt(KANA.size()));
            locale = "ja";
        } else {
            ContentFacts.Article article = article();
            text = article.title().substring(0, Math.min(article.title().length(), 1 + random.nextInt(6)));
            locale = article.locale();
        }
        StringBuilder parameters = new StringBuilder();
        add(parameters, "q", text);
        locale(parameters, locale);
        if (random.nextInt(100) < 30) {
            add(parameters, "size", 3 + random.nextInt(10));
        }
        return parameters.toString();
    }

    /** An article of the content (internal ones too: a 404 for anonymous callers), or one that is not there. */
    private String articleId() {
        return random.nextInt(100) < 3 ? "no-such-article-" + random.nextInt(10) : article().id();
    }

    private String malformed() {
        return switch (random.nextInt(5)) {
            case 0 -> "q=" + encode("返金") + "&size=0";
            case 1 -> "q=refund&page=0";
            case 2 -> "q=refund&type=manual";
            case 3 -> "q=refund&locale=xx";
            default -> "q=" + "a".repeat(1_001);
        };
    }

    /** A search text with its language. */
    private record Query(String text, String locale) {}

    private Query query() {
        int source = random.nextInt(100);
        if (source < 45 && !searches.isEmpty()) {
            SyntheticHelpCenter.Query query = searches.get(random.nextInt(searches.size()));
            return new Query(query.text(), query.locale());
        }
        if (source < 65) {
            ContentFacts.Article article = article();
            List<String> phrasings = new ArrayList<>(article.questions());
            phrasings.add(article.title());
            return new Query(phrasings.get(random.nextInt(phrasings.size())), article.locale());
        }
        if (source < 80) {
            String tag = facts.tags().get(random.nextInt(facts.tags().size()));
            return new Query(tag, isAscii(tag) ? "en" : "ja");
        }
        if (source < 92) {
            return new Query(misspelled(asciiWord()), "en");
        }
        return new Query(KANA.get(random.nextInt(KANA.size())), "ja");
    }

    /** The query's own language most of the time, sometimes the other one, often none. */
    private void locale(StringBuilder parameters, String own) {
        int choice = random.nextInt(100);
        if (choice < 45) {
            add(parameters, "locale", own);
        } else if (choice < 60) {
            add(parameters, "locale", own.equals("ja") ? "en" : "ja");
        }
    }

    private void filter(StringBuilder parameters) {
        switch (random.nextInt(3)) {
            case 0 -> add(parameters, "type", random.nextInt(4) == 0 ? "playbook" : "faq");
            case 1 -> add(parameters, "category", facts.categories().get(random.nextInt(facts.categories().size())));
            default -> add(parameters, "tag", facts.tags().get(random.nextInt(facts.tags().size())));
        }
    }

    private ContentFacts.Article article() {
        return facts.articles().get(random.nextInt(facts.articles().size()));
    }

    /** A word of English from the tags (where a misspelling of it has a correction to find). */
    private String asciiWord() {
        for (int tries = 0; tries < 100; tries++) {
            String tag = facts.tags().get(random.nextInt(facts.tags().size()));
            if (isAscii(tag) && tag.length() >= 5 && !tag.contains(" ")) {
                return tag;
            }
        }
        return "refund";
    }

    /** The word with one letter dropped, doubled, replaced, or two swapped. */
    private String misspelled(String word) {
        int at = 1 + random.nextInt(word.length() - 2);
        char letter = (char) ('a' + random.nextInt(26));
        return switch (random.nextInt(4)) {
            case 0 -> word.substring(0, at) + word.substring(at + 1);
            case 1 -> word.substring(0, at) + word.charAt(at) + word.substring(at);
            case 2 -> word.substring(0, at) + letter + word.substring(at + 1);
            default -> word.substring(0, at) + word.charAt(at + 1) + word.charAt(at) + word.substring(at + 2);
        };
    }

    private static boolean isAscii(String text) {
        return text.chars().allMatch(c -> c < 128);
    }

    /** Appends {@code name=value}, the value URL-encoded. */
    private static void add(StringBuilder parameters, String name, Object value) {
        parameters.append(parameters.isEmpty() ? "" : "&").append(name).append('=').append(encode(value.toString()));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
