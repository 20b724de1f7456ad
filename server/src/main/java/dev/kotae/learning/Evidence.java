package dev.kotae.learning;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

/**
 * What visitors' sessions say about one article as an answer to one normalised query, decayed with age
 * to the moment it was read. Each session and each address counts at most once per query and article, so
 * the counts are of distinct visitors, not of events.
 *
 * @param queryGroup the query as analytics group its spellings ({@code QuerySpelling}: width, case and
 *     kana folded), the key the zero-result and click tables use too
 * @param written the query's most common written form, as customers typed it (what a learned phrasing shows)
 * @param articleId the article
 * @param scope whose searches this is from: {@link Scope#PUBLIC} (anonymous visitors) for public
 *     articles, {@link Scope#AGENTS} (signed-in agents) for internal ones; never mixed
 * @param sessions distinct sessions that chose the article for the query (clicked it, or a widget solved with it)
 * @param addresses distinct client addresses among those sessions
 * @param clicks clicks weighted against position bias (a click at rank 8 counts more than one at rank 1)
 * @param skips sessions that saw the article above the one they clicked and passed it over
 * @param satisfied sessions whose choice ended well: a helpful vote, a widget "solved", no quick return to search
 * @param lastSeen the last time a session chose it
 */
public record Evidence(String queryGroup, String written, String articleId, Scope scope, double sessions,
        double addresses, double clicks, double skips, double satisfied, Instant lastSeen) {

    public Evidence {
        Objects.requireNonNull(queryGroup, "queryGroup");
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(articleId, "articleId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(lastSeen, "lastSeen");
    }

    /** The query and article this is evidence about, in its scope. */
    public Key key() {
        return new Key(queryGroup, articleId, scope);
    }

    /** A normalised query, an article and whose searches: what evidence and decisions are kept under. */
    public record Key(String queryGroup, String articleId, Scope scope) {}

    /**
     * Whose searches evidence comes from. Its own type rather than the search package's audience: this
     * package is the model that the index and the evidence side share, and depends on no other part.
     */
    public enum Scope {
        /** Anonymous visitors' searches: what public articles learn from. */
        PUBLIC,
        /** Signed-in agents' searches: what internal articles learn from. */
        AGENTS;

        /** {@code public} or {@code agents}: how the learning tables, the API and event requesters write it. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The scope whose {@link #key} is {@code key}, or {@code null} for anything else. */
        public static Scope ofKey(String key) {
            for (Scope scope : values()) {
                if (scope.key().equals(key)) {
                    return scope;
                }
            }
            return null;
        }
    }
}
