package dev.kotae.relevance;

import dev.kotae.relevance.TypingSet.Kind;
import dev.kotae.relevance.TypingSet.Query;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Scores the {@link TypingSet} against a search and a suggestion list, whoever runs them: {@code kotae
 * eval} calls the server's services in the same JVM, the integration test calls {@code /api/v1/search}
 * and {@code /api/v1/suggest} over HTTP. For each kind: the share of queries whose article is in the top
 * 3 and first; the same for the written form of each query (the control, which shows the set is fair);
 * and, for hiragana and romaji, whether the article is among the top {@value #SUGGESTIONS} suggestions
 * while the query is still being typed ({@link #typedPrefix}).
 */
public final class TypingEvaluation {

    /** Issue 27: the expected article in the top 3 for at least this share of the counted queries. */
    public static final double TOP3_TARGET = 0.95;
    /** Issue 27: the expected article first for at least this share of the counted queries. */
    public static final double FIRST_TARGET = 0.85;
    public static final int SUGGESTIONS = 5;
    /** How much of a query is in the box for the suggestion check (at least {@value #MIN_TYPED} characters). */
    static final double TYPED_SHARE = 0.6;
    static final int MIN_TYPED = 3;

    /** Ranked article ids for a text, as an anonymous caller gets them (a search, or suggestions). */
    @FunctionalInterface
    public interface Ranking {
        List<String> ids(String text) throws IOException;
    }

    /** How many queries there were, and for how many the article was in the top 3 and first. */
    public record Tally(int queries, int top3, int first) {
        static final Tally NONE = new Tally(0, 0, 0);

        Tally plus(Tally other) {
            return new Tally(queries + other.queries, top3 + other.top3, first + other.first);
        }

        static Tally of(List<String> ids, String expected) {
            int rank = ids.indexOf(expected);
            return new Tally(1, rank >= 0 && rank < 3 ? 1 : 0, rank == 0 ? 1 : 0);
        }

        public double top3Share() {
            return queries == 0 ? 0 : (double) top3 / queries;
        }

        public double firstShare() {
            return queries == 0 ? 0 : (double) first / queries;
        }
    }

    /** How many partly typed queries there were, and for how many the article was among the suggestions. */
    public record Offered(int queries, int offered) {
        static final Offered NONE = new Offered(0, 0);

        Offered plus(Offered other) {
            return new Offered(queries + other.queries, offered + other.offered);
        }

        public double share() {
            return queries == 0 ? 0 : (double) offered / queries;
        }
    }

    /** A query whose article was not first: what came first instead (top 3), for finding out why. */
    public record Miss(Query query, List<String> top3) {}

    /**
     * The figures per kind.
     *
     * @param typed the queries as typed
     * @param written the written form of each query (the control)
     * @param suggested hiragana and romaji queries, partly typed: the article among the top
     *     {@value #SUGGESTIONS} suggestions
     * @param misses the typed queries whose article was not first, in set order
     * @param writtenMisses the queries whose written form did not find the article first: a line of the set
     *     that asks more than the help center answers (or a search that got worse for written queries)
     */
    public record Result(Map<Kind, Tally> typed, Map<Kind, Tally> written, Map<Kind, Offered> suggested,
            List<Miss> misses, List<Miss> writtenMisses) {

        /** All counted kinds together (everything but {@link Kind#SYNONYM}). */
        public Tally typedOverall() {
            return overall(typed);
        }

        public Tally writtenOverall() {
            return overall(written);
        }

        public Offered suggestedOverall() {
            Offered all = Offered.NONE;
            for (Offered offered : suggested.values()) {
                all = all.plus(offered);
            }
            return all;
        }

        /** Whether the typed queries reach issue 27's targets ({@value #TOP3_TARGET} top 3, {@value #FIRST_TARGET} first). */
        public boolean meetsTargets() {
            return typedOverall().top3Share() >= TOP3_TARGET && typedOverall().firstShare() >= FIRST_TARGET;
        }

        /** The figures as a Markdown table, a row per kind and one for all counted kinds. */
        public String table() {
            List<String> lines = new ArrayList<>();
            lines.add("| kind | queries | search: top 3 | search: first | written form (control): top 3 | first"
                    + " | suggest: top " + SUGGESTIONS + " while typing |");
            lines.add("|---|---|---|---|---|---|---|");
            for (Kind kind : Kind.values()) {
                if (typed.containsKey(kind)) {
                    lines.add(row(kind.label() + (kind.counted() ? "" : " (not counted)"), typed.get(kind),
                            written.get(kind), suggested.get(kind)));
                }
            }
            lines.add(row("**all counted**", typedOverall(), writtenOverall(),
                    suggested.isEmpty() ? null : suggestedOverall()));
            return String.join("\n", lines) + "\n";
        }

        /** The typed misses, a line each: kind, query, expected article and what came first instead. */
        public String missList() {
            return list(misses, Query::text);
        }

        /** The misses of the written forms (the control), a line each like {@link #missList()}. */
        public String writtenMissList() {
            return list(writtenMisses, Query::written);
        }

        private static String list(List<Miss> misses, java.util.function.Function<Query, String> text) {
            StringBuilder out = new StringBuilder();
            for (Miss miss : misses) {
                Query query = miss.query();
                out.append(String.format("  %-15s %-24s wanted %-26s got %s%n", query.kind().label(),
                        text.apply(query), query.expected(), miss.top3()));
            }
            return out.toString();
        }

        private static Tally overall(Map<Kind, Tally> byKind) {
            Tally all = Tally.NONE;
            for (Map.Entry<Kind, Tally> entry : byKind.entrySet()) {
                if (entry.getKey().counted()) {
                    all = all.plus(entry.getValue());
                }
            }
            return all;
        }

        private static String row(String label, Tally typed, Tally written, Offered suggested) {
            return String.format("| %s | %d | %.3f | %.3f | %.3f | %.3f | %s |", label, typed.queries(),
                    typed.top3Share(), typed.firstShare(), written.top3Share(), written.firstShare(),
                    suggested == null ? "–" : String.format("%.3f (%d)", suggested.share(), suggested.queries()));
        }
    }

    private TypingEvaluation() {}

    /**
     * Sends every query of {@code set} (and its written form) to {@code search}, and the first part of
     * each hiragana and romaji query to {@code suggest}; {@code suggest} may be {@code null} to leave
     * suggestions out.
     */
    public static Result run(List<Query> set, Ranking search, Ranking suggest) throws IOException {
        Map<Kind, Tally> typed = new EnumMap<>(Kind.class);
        Map<Kind, Tally> written = new EnumMap<>(Kind.class);
        Map<Kind, Offered> suggested = new EnumMap<>(Kind.class);
        List<Miss> misses = new ArrayList<>();
        List<Miss> writtenMisses = new ArrayList<>();
        for (Query query : set) {
            tally(query, search.ids(query.text()), typed, misses);
            tally(query, search.ids(query.written()), written, writtenMisses);
            if (suggest != null && (query.kind() == Kind.HIRAGANA || query.kind().romaji())) {
                List<String> offered = suggest.ids(typedPrefix(query.text()));
                List<String> top = offered.subList(0, Math.min(SUGGESTIONS, offered.size()));
                suggested.merge(query.kind(), new Offered(1, top.contains(query.expected()) ? 1 : 0), Offered::plus);
            }
        }
        return new Result(Collections.unmodifiableMap(typed), Collections.unmodifiableMap(written),
                Collections.unmodifiableMap(suggested), List.copyOf(misses), List.copyOf(writtenMisses));
    }

    private static void tally(Query query, List<String> found, Map<Kind, Tally> byKind, List<Miss> misses) {
        byKind.merge(query.kind(), Tally.of(found, query.expected()), Tally::plus);
        if (found.isEmpty() || !found.get(0).equals(query.expected())) {
            misses.add(new Miss(query, found.subList(0, Math.min(3, found.size()))));
        }
    }

    /**
     * What is in the search box part-way through typing {@code text}: its first {@value #TYPED_SHARE}
     * (at least {@value #MIN_TYPED} characters, counted in code points), without a trailing space.
     */
    static String typedPrefix(String text) {
        int length = text.codePointCount(0, text.length());
        int typed = Math.min(length, Math.max(MIN_TYPED, (int) Math.ceil(length * TYPED_SHARE)));
        return text.substring(0, text.offsetByCodePoints(0, typed)).strip();
    }
}
