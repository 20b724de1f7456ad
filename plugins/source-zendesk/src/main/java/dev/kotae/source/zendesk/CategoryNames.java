package dev.kotae.source.zendesk;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the Kotae category of an article from its {@code section_id}: the section's name or, with
 * {@code categoryFrom: category}, the name of the section's Zendesk category.
 *
 * <p>Zendesk translates sections and categories like articles: one id has one name per locale. A name in
 * the article's own locale wins; otherwise the first name read is used, so an article whose section was
 * only exported in another locale still gets a category.
 */
final class CategoryNames {

    private final ZendeskSettings.CategoryFrom categoryFrom;
    private final Map<Long, Names> sections = new HashMap<>();
    private final Map<Long, Long> sectionCategory = new HashMap<>();
    private final Map<Long, Names> categories = new HashMap<>();

    CategoryNames(List<ZendeskExport.Section> sections, List<ZendeskExport.Category> categories,
            ZendeskSettings.CategoryFrom categoryFrom) {
        this.categoryFrom = categoryFrom;
        for (ZendeskExport.Section section : sections) {
            if (section.id() != null) {
                this.sections.computeIfAbsent(section.id(), id -> new Names()).add(section.locale(), section.name());
                if (section.categoryId() != null) {
                    sectionCategory.putIfAbsent(section.id(), section.categoryId());
                }
            }
        }
        for (ZendeskExport.Category category : categories) {
            if (category.id() != null) {
                this.categories.computeIfAbsent(category.id(), id -> new Names()).add(category.locale(), category.name());
            }
        }
    }

    /**
     * The category name for an article.
     *
     * @param sectionId the article's {@code section_id}, or {@code null}
     * @param zendeskLocale the article's Zendesk locale, or {@code null}
     * @return the name, or {@code null} when the section (or its category) is not in the export
     */
    String forSection(Long sectionId, String zendeskLocale) {
        if (sectionId == null) {
            return null;
        }
        Names names = switch (categoryFrom) {
            case SECTION -> sections.get(sectionId);
            case CATEGORY -> {
                Long categoryId = sectionCategory.get(sectionId);
                yield categoryId == null ? null : categories.get(categoryId);
            }
        };
        return names == null ? null : names.in(zendeskLocale);
    }

    // One section's or category's names, by lower-cased Zendesk locale, in reading order.
    private static final class Names {
        private final Map<String, String> byLocale = new LinkedHashMap<>();

        void add(String locale, String name) {
            if (name != null && !name.isBlank()) {
                byLocale.putIfAbsent(key(locale), name.trim());
            }
        }

        String in(String locale) {
            String exact = byLocale.get(key(locale));
            return exact != null ? exact : byLocale.values().stream().findFirst().orElse(null);
        }

        private static String key(String locale) {
            return locale == null ? "" : locale.trim().toLowerCase(Locale.ROOT);
        }
    }
}
