package dev.kotae.editing;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ArticleType;
import dev.kotae.content.ContentException;
import dev.kotae.content.ContentFolder;
import dev.kotae.content.FrontMatter;
import java.io.IOException;
import java.text.Normalizer;
import java.time.Duration;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;

/**
 * Where a new article's file goes: where an engineer would put it by hand. A FAQ goes beside most of the
 * articles of its locale and category ({@code 返品・返金} in {@code ja} → {@code ja/returns/<id>.md}), else
 * into a folder named after the category when it has an ASCII name, else straight into the locale's
 * folder; a playbook goes to {@code playbooks/<locale>/<id>.md}.
 */
final class ArticlePlacement {

    private final ContentFolder folder;
    private final ArticleParser parser;
    /** How long a reading of the folder's layout is used before it is read again. */
    static final Duration FRESH_FOR = Duration.ofSeconds(10);
    private volatile Layout layout;

    ArticlePlacement(ContentFolder folder, ArticleParser parser) {
        this.folder = folder;
        this.parser = parser;
    }

    /**
     * @param type the article's type as it will be resolved
     * @param locale the article's locale as it will be resolved
     */
    String pathFor(String id, ArticleType type, String locale, String category) {
        if (type == ArticleType.PLAYBOOK) {
            return "playbooks/" + locale + "/" + id + ".md";
        }
        String dir = mostUsedFolder(locale, category);
        if (dir == null && !category.isBlank()) {
            String slug = slug(category);
            dir = slug.isEmpty() ? null : locale + "/" + slug;
        }
        return (dir == null ? locale : dir) + "/" + id + ".md";
    }

    /**
     * The folder holding most FAQs of this locale and category, or {@code null}. Reads the front matter of
     * every file (YAML only, no Markdown rendering), at most once per {@link #FRESH_FOR}: previews and
     * saves of a new article ask on every keystroke's save, and a folder layout changes rarely.
     */
    private String mostUsedFolder(String locale, String category) {
        if (category.isBlank()) {
            return null;
        }
        Map<String, Integer> counts = layout().getOrDefault(locale + "\n" + category.strip(), Map.of());
        return counts.entrySet().stream()
                // the most articles; on a tie, the folder first in alphabetical order (the same every time)
                .max(Comparator.comparing((Map.Entry<String, Integer> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey)
                .orElse(null);
    }

    private record Layout(long readAtNanos, Map<String, Map<String, Integer>> foldersByLocaleAndCategory) {}

    private Map<String, Map<String, Integer>> layout() {
        Layout current = layout;
        if (current != null && System.nanoTime() - current.readAtNanos() < FRESH_FOR.toNanos()) {
            return current.foldersByLocaleAndCategory();
        }
        Map<String, Map<String, Integer>> counts = new HashMap<>();
        for (String path : folder.list(null)) {
            if (!path.contains("/")) {
                continue;
            }
            try {
                ContentFolder.FileContent file = folder.read(path);
                FrontMatter meta = parser.source(file.bytes()).frontMatter();
                if (parser.typeOf(path, meta) == ArticleType.FAQ && meta.category() != null) {
                    counts.computeIfAbsent(parser.localeOf(path, meta) + "\n" + meta.category().strip(),
                            k -> new HashMap<>()).merge(path.substring(0, path.lastIndexOf('/')), 1, Integer::sum);
                }
            } catch (IOException | ContentException e) {
                // an unreadable or broken file says nothing about where articles go
            }
        }
        layout = new Layout(System.nanoTime(), counts);
        return counts;
    }

    /** {@code Gift Wrapping & Noshi} → {@code gift-wrapping-noshi}; empty when nothing ASCII is left. */
    static String slug(String category) {
        String ascii = Normalizer.normalize(category, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        if (!ascii.chars().allMatch(c -> c < 128)) {
            return ""; // a slug of the ASCII letters in a Japanese name would name some other category
        }
        return Versions.slug(ascii, 64);
    }
}
