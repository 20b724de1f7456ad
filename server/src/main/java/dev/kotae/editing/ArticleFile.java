package dev.kotae.editing;

import dev.kotae.content.ArticleParser;
import dev.kotae.content.ArticleType;
import dev.kotae.content.ContentException;
import dev.kotae.content.FrontMatter;
import dev.kotae.content.Visibility;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * The article file format as an engineer writes it by hand (see the files under {@code content/}):
 * {@code ---}, the front-matter keys in a fixed order ({@code tags} as a flow list, {@code questions} as a
 * block list), {@code ---}, then the Markdown body ending in one line break. A value is quoted only when
 * YAML needs it, as SnakeYAML's emitter decides (the parser that reads the files back is SnakeYAML too).
 * Thread-safe.
 */
public final class ArticleFile {

    /** An article file read back: what its author wrote, and the date in its {@code updated:} line. */
    public record Parsed(EditableArticle article, LocalDate updated) {}

    private final ArticleParser parser;
    /** Yaml instances are not thread-safe; each dump makes one (cheap next to a file write). */
    private final DumperOptions blockScalars = options(DumperOptions.FlowStyle.BLOCK);
    private final DumperOptions flowLists = options(DumperOptions.FlowStyle.FLOW);

    public ArticleFile(ArticleParser parser) {
        this.parser = parser;
    }

    /**
     * The file's bytes. Single-line values only (titles, tags, questions, category: {@link ArticleChecks}
     * refuses line breaks before this is called).
     *
     * @param updated the {@code updated:} date (the day of publishing), or {@code null} to leave it out
     */
    public byte[] write(EditableArticle article, LocalDate updated) {
        StringBuilder out = new StringBuilder("---\n");
        line(out, "id", article.id());
        line(out, "title", article.title());
        if (article.type() != null) {
            line(out, "type", article.type().key());
        }
        if (article.visibility() != null) {
            line(out, "visibility", article.visibility().key());
        }
        line(out, "locale", article.locale());
        if (!article.category().isEmpty()) {
            line(out, "category", article.category());
        }
        if (!article.tags().isEmpty()) {
            out.append("tags: ").append(dump(article.tags(), flowLists)).append('\n');
        }
        if (!article.questions().isEmpty()) {
            out.append("questions:\n");
            for (String question : article.questions()) {
                out.append("  - ").append(scalar(question)).append('\n');
            }
        }
        line(out, "translationKey", article.translationKey());
        if (updated != null) {
            out.append("updated: ").append(updated).append('\n');
        }
        out.append("---\n");
        String body = canonicalBody(article.body());
        if (!body.isEmpty()) {
            out.append(body).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Reads a file's bytes into what its author wrote (no folder defaults applied). */
    public Parsed read(byte[] bytes) throws ContentException {
        ArticleParser.Source source = parser.source(bytes);
        FrontMatter meta = source.frontMatter();
        ArticleType type;
        Visibility visibility;
        try {
            type = blank(meta.type()) ? null : ArticleType.parse(meta.type().strip());
            visibility = blank(meta.visibility()) ? null : Visibility.parse(meta.visibility().strip());
        } catch (IllegalArgumentException e) {
            throw new ContentException(e.getMessage());
        }
        EditableArticle article = new EditableArticle(meta.id(), meta.title(), type, visibility,
                blank(meta.locale()) ? null : meta.locale(), meta.category(), orEmpty(meta.tags()),
                orEmpty(meta.questions()), blank(meta.translationKey()) ? null : meta.translationKey(),
                canonicalBody(source.body()));
        return new Parsed(article, meta.updated());
    }

    /**
     * The body as it is kept: {@code \n} line breaks and no trailing ones (the file adds exactly one), so
     * that writing and reading back gives the same text.
     */
    static String canonicalBody(String body) {
        String text = body.replace("\r\n", "\n").replace('\r', '\n');
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '\n') {
            end--;
        }
        return text.substring(0, end);
    }

    private void line(StringBuilder out, String key, String value) {
        if (value != null) {
            out.append(key).append(": ").append(scalar(value)).append('\n');
        }
    }

    private String scalar(String value) {
        return dump(value, blockScalars);
    }

    private static String dump(Object value, DumperOptions options) {
        String dumped = new Yaml(options).dump(value);
        // A document of one scalar or flow list ends in a line break, and an open-ended one in a "..."
        // document end marker: neither belongs in a front-matter line.
        if (dumped.endsWith("\n...\n")) {
            dumped = dumped.substring(0, dumped.length() - 5);
        } else if (dumped.endsWith("\n")) {
            dumped = dumped.substring(0, dumped.length() - 1);
        }
        if (dumped.indexOf('\n') >= 0) {
            // ArticleChecks refuses line breaks before a file is built; a value that still spans lines would
            // break the front matter's layout, so it is never written.
            throw new IllegalArgumentException("not a single-line front-matter value: " + value);
        }
        return dumped;
    }

    private static DumperOptions options(DumperOptions.FlowStyle flow) {
        DumperOptions options = new DumperOptions();
        options.setDefaultFlowStyle(flow);
        options.setDefaultScalarStyle(DumperOptions.ScalarStyle.PLAIN);
        options.setAllowUnicode(true);
        options.setWidth(Integer.MAX_VALUE); // never fold a long title or question over lines
        options.setSplitLines(false);
        return options;
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
