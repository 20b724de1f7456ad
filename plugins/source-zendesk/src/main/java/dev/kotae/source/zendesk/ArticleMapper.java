package dev.kotae.source.zendesk;

import dev.kotae.plugin.ArticleType;
import dev.kotae.plugin.BodyFormat;
import dev.kotae.plugin.SourceArticle;
import dev.kotae.plugin.Visibility;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ZendeskExport} into Kotae articles. The rules:
 * <ul>
 *   <li>drafts ({@code "draft": true}) are skipped; outdated translations are kept (Zendesk still
 *       publishes them);</li>
 *   <li>an article without {@code id} or {@code title} is skipped with a warning;</li>
 *   <li>the id is the Zendesk article id; a translation ({@code locale} differs from
 *       {@code source_locale}) gets {@code <id>.<zendesk locale>}, because Zendesk gives every
 *       translation of an article the same id;</li>
 *   <li>an article restricted to a user segment ({@code user_segment_id} or a non-empty
 *       {@code user_segment_ids}) is {@code internal}; the rest are {@code public} FAQs;</li>
 *   <li>{@code label_names} become tags, the section (or its category) the category;</li>
 *   <li>the body is passed on as HTML, which the server sanitises;</li>
 *   <li>{@code updated_at} becomes the date in UTC.</li>
 * </ul>
 */
final class ArticleMapper {

    private final ZendeskSettings settings;

    ArticleMapper(ZendeskSettings settings) {
        this.settings = settings;
    }

    /**
     * The mapped articles, plus what was skipped and why.
     *
     * @param articles the articles to index, in export order
     * @param warnings one line per skipped or partly read entry, for the log
     * @param drafts how many drafts were left out (expected, so not a warning)
     */
    record Result(List<SourceArticle> articles, List<String> warnings, int drafts) {}

    Result map(ZendeskExport export) {
        CategoryNames categories = new CategoryNames(export.sections(), export.categories(), settings.categoryFrom());
        List<String> warnings = new ArrayList<>(export.problems());
        Map<String, SourceArticle> byId = new LinkedHashMap<>();
        Set<String> seenTranslations = new HashSet<>();
        int drafts = 0;
        for (ZendeskExport.ArticleEntry entry : export.articles()) {
            ZendeskExport.Article article = entry.article();
            if (article.id() == null) {
                warnings.add(entry.origin() + " has no id; skipped");
                continue;
            }
            if (article.title() == null || article.title().isBlank()) {
                warnings.add(entry.origin() + " (id " + article.id() + ") has no title; skipped");
                continue;
            }
            if (Boolean.TRUE.equals(article.draft())) {
                drafts++;
                continue;
            }
            // The same translation twice happens when pages overlap (an export taken while editing).
            if (!seenTranslations.add(article.id() + "|" + zendeskLocale(article))) {
                warnings.add(entry.origin() + " (id " + article.id() + ", " + article.locale()
                        + ") appears twice in the export; the first one is kept");
                continue;
            }
            String id = idFor(article);
            if (byId.containsKey(id)) {
                // Two translations and no source_locale to tell which is the original: the later one
                // is suffixed, so both are served.
                id = article.id() + "." + zendeskLocale(article);
            }
            if (byId.containsKey(id)) {
                warnings.add(entry.origin() + " would reuse the id " + id + "; skipped");
                continue;
            }
            byId.put(id, toSourceArticle(id, article, categories, entry.origin(), warnings));
        }
        return new Result(List.copyOf(byId.values()), warnings, drafts);
    }

    private SourceArticle toSourceArticle(String id, ZendeskExport.Article article, CategoryNames categories,
            String origin, List<String> warnings) {
        return SourceArticle.builder()
                .id(id)
                .title(article.title().trim())
                .body(article.body() == null ? "" : article.body().trim())
                .bodyFormat(BodyFormat.HTML) // sanitised by the server: scripts, event handlers, unsafe URLs go
                .type(ArticleType.FAQ)
                .visibility(isSegmented(article) ? Visibility.INTERNAL : Visibility.PUBLIC)
                .locale(settings.localeFor(article.locale()))
                .category(categories.forSection(article.sectionId(), article.locale()))
                .tags(tags(article.labelNames()))
                .updated(updated(article.updatedAt(), origin, warnings))
                .build();
    }

    private static String idFor(ZendeskExport.Article article) {
        String base = String.valueOf(article.id());
        boolean translation = article.sourceLocale() != null && article.locale() != null
                && !article.sourceLocale().trim().equalsIgnoreCase(article.locale().trim());
        return translation ? base + "." + zendeskLocale(article) : base;
    }

    // The article's Zendesk locale as an id suffix: lower case, only characters ids allow.
    private static String zendeskLocale(ZendeskExport.Article article) {
        String locale = article.locale() == null ? "" : article.locale().trim().toLowerCase(Locale.ROOT);
        return locale.replaceAll("[^a-z0-9._-]", "-");
    }

    // "Everyone" is user_segment_id null; any segment (signed-in users, agents, a group) means the
    // article is not for anonymous customers, so it is served to agents only.
    private static boolean isSegmented(ZendeskExport.Article article) {
        return article.userSegmentId() != null
                || (article.userSegmentIds() != null && !article.userSegmentIds().isEmpty());
    }

    private static List<String> tags(List<String> labels) {
        if (labels == null) {
            return null;
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String label : labels) {
            if (label != null && !label.isBlank()) {
                tags.add(label.trim());
            }
        }
        return tags.isEmpty() ? null : List.copyOf(tags);
    }

    // Parsed by hand from the string: the server provides jackson-databind but not the JSR-310 module.
    private static LocalDate updated(String updatedAt, String origin, List<String> warnings) {
        if (updatedAt == null || updatedAt.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(updatedAt.trim()).atZoneSameInstant(ZoneOffset.UTC).toLocalDate();
        } catch (DateTimeParseException e) {
            warnings.add(origin + " has an unreadable updated_at '" + updatedAt + "'; the date is left out");
            return null;
        }
    }
}
