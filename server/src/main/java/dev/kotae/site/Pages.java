package dev.kotae.site;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.content.Article;
import dev.kotae.search.ArticleService;
import dev.kotae.search.SearchResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** What each page template shows, shaped for the template so templates hold no logic beyond loops. */
public final class Pages {

    private Pages() {}

    /** A link to an article in a list. */
    public record ArticleLink(String title, String url, String locale, boolean internal) {}

    /** A category with its article count, linking to its articles. */
    public record CategoryLink(String name, long count, String url) {}

    /** The home page. */
    public record Home(List<CategoryLink> categories, List<ArticleLink> popular) {}

    /** One result with its place in the whole result list (1-based, across pages). */
    public record RankedHit(int rank, SearchResult.Hit hit, boolean internal, String typeLabel) {}

    /** One facet (category, tags…) with its values. */
    public record FacetGroup(String name, String label, String clearUrl, boolean active, List<FacetLink> values) {}

    /** One facet value: selecting it narrows the results, selecting it again shows all. */
    public record FacetLink(String label, long count, String url, boolean selected) {}

    /** A numbered page link. */
    public record PageLink(int number, String url, boolean current) {}

    /** The search page. */
    public record Search(String query, long total, int from, int to, List<RankedHit> hits, List<FacetGroup> facets,
            String prevUrl, String nextUrl, List<PageLink> pages, String didYouMean, String didYouMeanUrl,
            boolean corrected, List<CategoryLink> browse) {

        public boolean empty() {
            return hits.isEmpty();
        }
    }

    /** A tag linking to its articles. */
    public record TagLink(String name, String url) {}

    /** The article page. */
    public record ArticlePage(Article article, boolean internal, String categoryUrl, List<TagLink> tags,
            String updatedLabel, List<ArticleService.Related> related, String jsonLd, boolean voted) {}

    /**
     * The sign-in page.
     *
     * @param name the account name typed before, shown again after a failure (never the password)
     */
    public record SignIn(String error, String next, String name) {}

    /**
     * The analytics dashboard.
     *
     * @param from the first day shown (as typed, or 30 days ago)
     * @param to the last day shown
     * @param locale the locale filter, or empty for all
     * @param query the text the query tables are narrowed to, or empty for all queries
     * @param titles the current title of each voted article that still exists, by id
     * @param filter the range and locale as a query string, for the CSV links
     */
    public record Dashboard(String from, String to, String locale, String query, List<AnalyticsReports.QueryRow> top,
            List<AnalyticsReports.QueryRow> zeroResults, List<AnalyticsReports.ClickRow> clicks,
            List<AnalyticsReports.FeedbackRow> feedback, java.util.Map<String, String> titles,
            List<AnalyticsReports.DeflectionRow> deflection, BarChart topChart, BarChart hourChart, String filter) {

        /** An article's title, or its id when it no longer exists. */
        public String title(String articleId) {
            return titles.getOrDefault(articleId, articleId);
        }

        private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
                .withZone(ZoneOffset.UTC);

        /** The CSV download of one report with this page's filters. */
        public String csv(String report) {
            return "/api/v1/analytics/" + report + (report.contains("?") ? "&" : "?") + "format=csv&" + filter;
        }

        /** A ratio as a percentage, or a dash when there is nothing to divide. */
        public static String percent(Double ratio) {
            return ratio == null ? "–" : String.format(java.util.Locale.ROOT, "%.1f%%", ratio * 100);
        }

        public static String decimal(Double value) {
            return value == null ? "–" : String.format(java.util.Locale.ROOT, "%.2f", value);
        }

        public static String time(Instant at) {
            return at == null ? "" : SEEN.format(at);
        }
    }
}
