package dev.kotae.source.zendesk;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * What an export folder holds, as Zendesk wrote it: no Kotae rule has been applied yet. Only the fields
 * the plugin uses are bound; Zendesk's many others ({@code html_url}, {@code vote_sum}, ...) are ignored.
 *
 * @param articles every article object of every {@code articles*.json} page, in file order
 * @param sections every section of the {@code sections*.json} files (one entry per section and locale)
 * @param categories every category of the {@code categories*.json} files (one entry per category and locale)
 * @param problems entries that could not be read (wrong field types), already described for a log
 */
record ZendeskExport(List<ArticleEntry> articles, List<Section> sections, List<Category> categories,
        List<String> problems) {

    ZendeskExport {
        articles = List.copyOf(articles);
        sections = List.copyOf(sections);
        categories = List.copyOf(categories);
        problems = List.copyOf(problems);
    }

    /**
     * One article and where it came from, so that warnings can point at it.
     *
     * @param origin e.g. {@code articles-2.json, article 3}
     */
    record ArticleEntry(String origin, Article article) {}

    /** An article object of the Help Center API (one translation of an article). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Article(
            Long id,
            String title,
            String body,
            String locale,
            @JsonProperty("source_locale") String sourceLocale,
            @JsonProperty("label_names") List<String> labelNames,
            @JsonProperty("section_id") Long sectionId,
            Boolean draft,
            @JsonProperty("user_segment_id") Long userSegmentId,
            @JsonProperty("user_segment_ids") List<Long> userSegmentIds,
            @JsonProperty("updated_at") String updatedAt) {}

    /** A section object of the Help Center API, in one locale. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Section(Long id, String name, @JsonProperty("category_id") Long categoryId, String locale) {}

    /** A category object of the Help Center API, in one locale. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Category(Long id, String name, String locale) {}
}
