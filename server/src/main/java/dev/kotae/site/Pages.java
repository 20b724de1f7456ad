package dev.kotae.site;

import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.content.Article;
import dev.kotae.content.ImageSources;
import dev.kotae.content.Visibility;
import dev.kotae.search.ArticleService;
import dev.kotae.search.SearchResult;
import dev.kotae.util.Texts;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
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

    /**
     * The search page.
     *
     * @param lastPageUrl the last page of results, when this page is past it (a link kept from a longer list):
     *     there are results, just not here; otherwise {@code null}
     */
    public record Search(String query, long total, int from, int to, List<RankedHit> hits, List<FacetGroup> facets,
            String prevUrl, String nextUrl, List<PageLink> pages, String didYouMean, String didYouMeanUrl,
            boolean corrected, List<CategoryLink> browse, String lastPageUrl, String withoutCategoryUrl) {

        public boolean empty() {
            return hits.isEmpty();
        }
    }

    /**
     * An error page's body.
     *
     * @param text what went wrong and what to do, or {@code null}
     * @param signInUrl the sign-in page, coming back where the visitor was, when signing in would help; else
     *     {@code null}
     */
    public record ErrorPage(String text, String signInUrl) {}

    /** A tag linking to its articles. */
    public record TagLink(String name, String url) {}

    /**
     * The article page.
     *
     * @param vote this visitor's vote on the article, or {@code null}: the page then offers the vote buttons,
     *     otherwise it says how they voted, lets them change it and comment on it
     * @param languageNote that the article is only in its own language, which is not the page's, or {@code null}
     */
    public record ArticlePage(ArticleBody body, String categoryUrl, List<ArticleService.Related> related,
            String jsonLd, dev.kotae.feedback.FeedbackStore.Feedback vote, String languageNote) {

        /** How many related articles a "not helpful" vote offers. */
        private static final int OFFERED = 3;

        public boolean voted() {
            return vote != null;
        }

        /**
         * What a visitor who found the article not helpful is offered to read next, in the vote box: the
         * first of the related articles. Empty unless the visitor's vote is "not helpful".
         */
        public List<ArticleService.Related> offered() {
            if (vote == null || vote.helpful()) {
                return List.of();
            }
            return related.size() <= OFFERED ? related : related.subList(0, OFFERED);
        }

        /**
         * The related articles the list below the vote box shows: those not already offered in it, so that
         * each related article is listed once on the page.
         */
        public List<ArticleService.Related> otherRelated() {
            return related.subList(offered().size(), related.size());
        }

        /** Where an editor edits this article. */
        public String editUrl() {
            return EditorLinks.article(body.article().id());
        }
    }

    /**
     * An article as its page shows it (title, badges, date, tags, rendered body): what the help center's
     * article page and the editor's preview both render through {@code articleBody.jte}, so a preview is
     * the published page.
     */
    public record ArticleBody(Article article, String html, boolean internal, List<TagLink> tags, String updatedLabel) {

        /** The article as a page shows it: images from places {@code images} does not allow are links to them. */
        static ArticleBody of(Article article, String uiLanguage, ImageSources images) {
            List<TagLink> tags = article.tags().stream()
                    .map(tag -> new TagLink(tag, SearchLinks.of(null, null, tag, null, article.locale()).url()))
                    .toList();
            String updated = article.updated().format(DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(java.util.Locale.forLanguageTag(uiLanguage)));
            return new ArticleBody(article, images.linkOthers(article.html()), article.visibility() == Visibility.INTERNAL,
                    tags, updated);
        }
    }

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
     * @param titles the current title of each voted or viewed article that still exists, by id
     * @param filter the range and locale as a query string, for the CSV links
     * @param zone the analytics time zone: the days of the range, the times shown and the weeks compared
     * @param trends each query of the top and zero-result tables week over week ({@link Trends})
     * @param articles the most viewed articles
     * @param funnel the contact page's funnel per category, each named by its label in the page's language
     * @param digest the weekly digest's button and what it last did
     */
    public record Dashboard(String from, String to, String locale, String query, List<AnalyticsReports.QueryRow> top,
            List<AnalyticsReports.QueryRow> zeroResults, List<AnalyticsReports.ClickRow> clicks,
            List<AnalyticsReports.FeedbackRow> feedback, java.util.Map<String, String> titles,
            List<AnalyticsReports.DeflectionRow> deflection, BarChart topChart, BarChart hourChart, String filter,
            java.time.ZoneId zone, Trends trends, List<AnalyticsReports.ArticleRow> articles,
            List<AnalyticsReports.FunnelRow> funnel, DigestPanel digest, String problem) {

        /** Week-over-week changes of the top and the zero-result queries, by the row's query. */
        public record Trends(java.util.Map<String, AnalyticsReports.Trend> top,
                java.util.Map<String, AnalyticsReports.Trend> zeroResults) {

            public AnalyticsReports.Trend top(String query) {
                return top.getOrDefault(query, AnalyticsReports.Trend.NONE);
            }

            public AnalyticsReports.Trend zeroResults(String query) {
                return zeroResults.getOrDefault(query, AnalyticsReports.Trend.NONE);
            }
        }

        /**
         * The "post the weekly digest now" button: shown to admins when a webhook is configured.
         *
         * @param notice what the last press did ({@code sent}, {@code failed}), or {@code null}
         */
        public record DigestPanel(boolean shown, String notice) {}

        /** Characters of a query, title or id a table cell shows; the whole value is in its title. */
        public static final int SHOWN_CHARACTERS = 80;

        /**
         * {@code value} cut to {@link #SHOWN_CHARACTERS} (never between the halves of a surrogate pair) with
         * an ellipsis, so one long query cannot stretch a table; the cell's {@code title} keeps all of it.
         */
        public static String shortened(String value) {
            return Texts.shortened(value, SHOWN_CHARACTERS);
        }

        /** The arrow of a change: up, down, level, or new (nothing the week before). */
        public static String arrow(AnalyticsReports.Trend trend) {
            if (trend.change() == null) {
                return trend.current() == 0 ? "–" : "★";
            }
            return trend.change() > 0 ? "▲" : trend.change() < 0 ? "▼" : "＝";
        }

        /** The direction's message key suffix: {@code up}, {@code down}, {@code same}, {@code new} or {@code none}. */
        public static String direction(AnalyticsReports.Trend trend) {
            if (trend.change() == null) {
                return trend.current() == 0 ? "none" : "new";
            }
            return trend.change() > 0 ? "up" : trend.change() < 0 ? "down" : "same";
        }

        /** A change as a signed percentage ({@code +50%}, {@code -25%}), empty when there is nothing to compare. */
        public static String change(AnalyticsReports.Trend trend) {
            if (trend.change() == null) {
                return "";
            }
            return String.format(java.util.Locale.ROOT, "%+.0f%%", trend.change() * 100);
        }

        /** The category of a funnel row, or the message for events recorded before one was chosen. */
        public static boolean uncategorised(AnalyticsReports.FunnelRow row) {
            return row.category() == null;
        }

        /**
         * Below this share of searches with a click, a query's results probably do not answer it: editors
         * are offered to write an article for it, as for a query that found nothing.
         */
        public static final double LOW_CLICK_RATE = 0.3;

        /** Where an editor writes an article answering {@code query} (its first question). */
        public static String writeUrl(String query) {
            return EditorLinks.newArticle(query);
        }

        public static boolean lowClicks(AnalyticsReports.ClickRow row) {
            return row.clickThroughRate() < LOW_CLICK_RATE;
        }

        /** An article's title, or its id when it no longer exists. */
        public String title(String articleId) {
            return titles.getOrDefault(articleId, articleId);
        }

        private static final DateTimeFormatter SEEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

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

        /** A time in the analytics time zone, with the zone's id: {@code 2026-11-02 09:00 Asia/Tokyo}. */
        public String time(Instant at) {
            return at == null ? "" : SEEN.format(at.atZone(zone)) + " " + zone.getId();
        }

        /** The other spellings counted in a query row, with their counts: 「へんきん (2), ヘンキン (1)」. */
        public static String variants(List<AnalyticsReports.Variant> variants) {
            return AnalyticsReports.Variant.describe(variants, ", ");
        }

        /** The other spellings, each shortened as a cell is ({@link #shortened}). */
        public static String shortVariants(List<AnalyticsReports.Variant> variants) {
            return AnalyticsReports.Variant.describe(variants.stream()
                    .map(v -> new AnalyticsReports.Variant(shortened(v.query()), v.count())).toList(), ", ");
        }
    }

    // ---- the editor pages (/editor) ----------------------------------------------------------------------

    /** A pending draft in the editor's list. */
    public record DraftRow(String id, String title, String locale, String author, String lastEditor, String updated,
            String url) {}

    /**
     * {@code /editor}: the drafts waiting for review, those published for a later time (their row's
     * {@code updated} says when they go live) and those still being written.
     *
     * @param canCreate whether the person may start an article (an editor)
     * @param admin whether the person reads the audit log
     */
    public record EditorHome(List<DraftRow> inReview, List<DraftRow> scheduled, List<DraftRow> drafts, boolean canCreate,
            boolean admin, PublishedList published, String zone) {}

    /** A published article in the editor home's list, linked to its editor page. */
    public record PublishedRow(String id, String title, String locale, String type, boolean internal,
            boolean pendingDraft, String url) {}

    /**
     * A page of the editor home's published articles: the article whose id {@code query} is ({@code named},
     * or {@code null}), and those {@code query} finds (or its spelling correction {@code correctedTo}, when
     * the query as typed found nothing) (all, newest first, when blank), with links to the
     * pages before and after ({@code null} at either end).
     */
    public record PublishedList(String query, String correctedTo, PublishedRow named, List<PublishedRow> rows,
            long total, String previous, String next, int page, int pages) {}

    /** One option of a {@code <select>}. */
    public record Choice(String value, String label, boolean selected) {}

    /** A message above the form: what just happened, or why something was refused. */
    public record Notice(String text, boolean error) {}

    /**
     * The pending draft being shown: its state (as words), who started and last saved it, when, and what
     * publishing it would change in the published article ({@code changes}: a unified diff, {@code null} for
     * a new article), shown unfolded to a reviewer ({@code reviewing}), and why the draft no longer starts
     * from what is published ({@code behind}: the article changed or was deleted since), or {@code null};
     * {@code note} is what its authors said the change is for, or {@code null}.
     */
    public record DraftInfo(String state, String author, String lastEditor, String updated, String changes,
            boolean reviewing, String behind, String note) {}

    /**
     * Where the editor page links: the live article, the pending draft or the published version beside
     * it, the history, and a new translation (each {@code null} when it does not apply).
     */
    public record EditorNav(String live, String draft, String published, String history, String translate,
            String translateLabel, String delete) {}

    /**
     * The editor form of one article.
     *
     * @param form the fields as shown (the person's own text after a refused save)
     * @param startedFrom the draft revision the text started from, or empty
     * @param baseVersion the published version the text started from, or empty
     * @param editable whether the fields may be changed and saved here
     * @param readOnly why not, when it comes from elsewhere (a plugin source), or {@code null}
     * @param errors field → message, shown beside the field
     * @param diff a unified diff from what is saved now to the person's text, after a conflict, or {@code null}
     * @param zone the time zone publishAt is in
     * @param canPublish whether this person may publish the draft now
     * @param publishBlocked why not, or {@code null}
     * @param preview the article exactly as it would be published, or {@code null}
     */
    public record EditorPage(ArticleForm form, boolean isNew, String startedFrom, String baseVersion,
            boolean editable, String readOnly, java.util.Map<String, String> errors, Notice notice, String diff,
            List<String> categories, String zone, List<Choice> types, List<Choice> visibilities, List<Choice> locales,
            DraftInfo draft, boolean canPublish, String publishBlocked, EditorNav nav, ArticleBody preview,
            String message) {

        /** The message beside a field, or {@code null}. */
        public String error(String field) {
            return errors.get(field);
        }

        public boolean hasError(String field) {
            return errors.containsKey(field);
        }
    }

    /**
     * One published version in an article's history.
     *
     * @param url its version page, or {@code null} when it has no text to show (a delete)
     */
    public record HistoryRow(String version, String shortVersion, String when, String author, String message,
            String action, String url) {}

    /**
     * {@code /editor/articles/{id}/history}.
     *
     * @param listedAtMost the listing's cap when it was reached (older versions not shown), else {@code null}
     */
    public record EditorHistory(String id, String title, List<HistoryRow> versions, String editUrl,
            Integer listedAtMost, Notice notice, String zone) {

        /** Whether the way back is the list of articles: nothing of the article is left to edit. */
        public boolean backToList() {
            return EditorLinks.HOME.equals(editUrl);
        }
    }

    /**
     * One history version: its text and its diff to what is published now.
     *
     * @param publishedVersion what is published now (the diff's other side), sent back with a restore so
     *     that a restore from a page older than the article is refused; {@code null} when it is deleted
     */
    public record EditorVersion(String id, HistoryRow entry, dev.kotae.editing.EditableArticle article, String diff,
            boolean canRestore, String historyUrl, String restoreUrl, String publishedVersion, Notice notice,
            String draftFromUrl) {}

    /**
     * The page confirming that a published article is to be deleted: which version is deleted, whether a
     * draft of it is pending (it stays, and publishing it brings the article back), and the note typed so far.
     */
    public record EditorDelete(String id, String title, String locale, String version, String editUrl,
            String deleteUrl, boolean draftPending, String message, Notice notice) {}

    /** The script's preview pane: the article as it would be published, or why it cannot be shown. */
    public record PreviewPane(ArticleBody body, String problem) {}

    /** One write in the audit log; {@code articleUrl} is its editor page, or {@code null}. */
    public record AuditRow(String when, String person, String role, String action, String articleId, String articleUrl,
            String version, String message) {}

    /** {@code /admin/audit}: the newest {@code shown} entries, times in {@code zone}. */
    public record AuditLog(List<AuditRow> entries, int shown, String zone) {}

    /**
     * One learned phrasing as {@code /admin/learning} lists it; {@code queryGroup} and {@code scope} go back
     * in its forms, {@code written} is what customers typed; {@code decided} is the decision's name
     * ({@code none} if undecided), {@code decision} its words.
     */
    public record LearnedRow(String queryGroup, String written, String scope, String sessions, String confidence,
            boolean inUse, String decided, String decision) {}

    /** What one article learned; {@code url} is its editor page. */
    public record LearnedArticle(String id, String title, String url, List<LearnedRow> rows) {}

    /**
     * A search that never found a good answer, why it is listed, and the titles of the articles an agent
     * already routed it to (empty when none: the row's form routes it, or routes it elsewhere too).
     */
    public record UnansweredQuery(String query, String why, List<String> routedTo) {}

    /**
     * {@code /admin/learning}: the phrasings whose decision is {@code filter} (one of {@code filters}), per
     * article; the searches to route; {@code available} false when the analytics database did not answer.
     */
    public record LearningReview(String filter, List<String> filters, List<LearnedArticle> articles,
            List<UnansweredQuery> unanswered, boolean available, Notice notice) {}
}
