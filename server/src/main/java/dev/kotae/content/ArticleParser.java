package dev.kotae.content;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Turns one Markdown file (YAML front matter + body) into an {@link Article}, applying folder defaults:
 * a {@code playbooks/} folder makes a playbook, playbooks are internal, a locale-named folder
 * ({@code ja/}, {@code en/}) sets the locale. Thread-safe.
 */
public final class ArticleParser {

    private final ObjectMapper yaml = YAMLMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            // A second "visibility: public" below "visibility: internal" must not quietly win.
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private final MarkdownRenderer renderer;
    private final Set<String> knownLocales;
    private final String defaultLocale;

    /**
     * @param knownLocales locales a folder name may select (a folder called {@code faq} is not a locale)
     * @param defaultLocale the locale of files that name none
     */
    public ArticleParser(MarkdownRenderer renderer, Set<String> knownLocales, String defaultLocale) {
        this.renderer = renderer;
        this.knownLocales = Set.copyOf(knownLocales);
        this.defaultLocale = defaultLocale;
    }

    /**
     * Parses a file's bytes.
     *
     * @param relativePath the file's path under the content folder, with {@code /} separators
     * @param fileDate the date to use when the front matter has no {@code updated}
     */
    public Article parse(String relativePath, byte[] bytes, LocalDate fileDate) throws ContentException {
        Source source = source(bytes);
        return resolve(relativePath, source.frontMatter(), source.body(), fileDate);
    }

    /**
     * A file's front matter and Markdown body exactly as written, before folder defaults are applied or
     * anything is rendered: what an editor edits. Refuses what {@link #parse} refuses in the YAML block.
     *
     * @param body everything after the closing {@code ---} line (line breaks normalised to {@code \n})
     */
    public record Source(FrontMatter frontMatter, String body) {}

    /** Splits and reads a file's bytes into its front matter and body; see {@link Source}. */
    public Source source(byte[] bytes) throws ContentException {
        String content = decodeUtf8(bytes).replace("\r\n", "\n").replace('\r', '\n');
        if (content.startsWith("\uFEFF")) {
            content = content.substring(1);
        }
        String yamlBlock = null;
        String body = content;
        if (content.startsWith("---\n") || content.equals("---")) {
            int end = findFrontMatterEnd(content);
            if (end < 0) {
                throw new ContentException("front matter starts with '---' but has no closing '---' line");
            }
            yamlBlock = content.substring(4, end);
            int bodyStart = content.indexOf('\n', end);
            body = bodyStart < 0 ? "" : content.substring(bodyStart + 1);
        }
        return new Source(readFrontMatter(yamlBlock), body);
    }

    private Article resolve(String relativePath, FrontMatter meta, String body, LocalDate fileDate)
            throws ContentException {
        List<String> folders = folders(relativePath);

        String id = idOf(relativePath, meta);
        ArticleType type = typeOf(relativePath, meta);
        Visibility visibility = ArticleRules.visibility(meta.visibility(), type);
        String locale = localeOf(relativePath, meta);

        // One line, no control characters, YAML's printable set: a NUL or a bell in a title was served as such
        // in the page's title and its JSON-LD.
        checkText(meta);
        String explicitTitle = blankToNull(meta.title());
        MarkdownRenderer.Rendered rendered = renderer.render(body, explicitTitle);
        String title = ArticleRules.title(explicitTitle != null ? explicitTitle : rendered.leadingHeading(),
                ": add 'title:' to the front matter or start the body with '# Title'");

        return new Article(
                id,
                title,
                type,
                visibility,
                locale,
                ArticleRules.category(meta.category()),
                ArticleRules.tags(meta.tags()),
                ArticleRules.questions(meta.questions()),
                meta.updated() != null ? meta.updated() : fileDate,
                "content:" + relativePath,
                rendered.html(),
                rendered.text(),
                translationKey(meta.translationKey()));
    }

    /** The id a file at {@code relativePath} with this front matter has: its own, else its file name's. */
    public String idOf(String relativePath, FrontMatter meta) throws ContentException {
        String id = blankToNull(meta.id());
        if (id == null) {
            String fileName = relativePath.substring(relativePath.lastIndexOf('/') + 1);
            id = fileName.endsWith(".md") ? fileName.substring(0, fileName.length() - 3) : fileName;
        }
        if (!Article.isFileId(id)) {
            throw new ContentException("id '" + id + "' " + Article.FILE_ID_RULE
                    + (meta.id() == null ? " (set 'id:' in the front matter or rename the file)" : ""));
        }
        return id;
    }

    /** The type a file at {@code relativePath} with this front matter has: its own, else its folder's. */
    public ArticleType typeOf(String relativePath, FrontMatter meta) throws ContentException {
        return ArticleRules.type(meta.type(),
                folders(relativePath).contains("playbooks") ? ArticleType.PLAYBOOK : ArticleType.FAQ);
    }

    /** The locale a file at {@code relativePath} with this front matter has: its own, its folder's, the default. */
    public String localeOf(String relativePath, FrontMatter meta) throws ContentException {
        return ArticleRules.locale(meta.locale(),
                folders(relativePath).stream().filter(knownLocales::contains).findFirst().orElse(defaultLocale));
    }

    private FrontMatter readFrontMatter(String yamlBlock) throws ContentException {
        if (yamlBlock == null || yamlBlock.isBlank()) {
            return FrontMatter.EMPTY;
        }
        try {
            FrontMatter meta = yaml.readValue(yamlBlock, FrontMatter.class);
            return meta == null ? FrontMatter.EMPTY : meta;
        } catch (UnrecognizedPropertyException e) {
            throw new ContentException("unknown front-matter key '" + e.getPropertyName()
                    + "' (known: id, title, type, visibility, locale, category, tags, questions, updated, translationKey)");
        } catch (JsonProcessingException e) {
            String where = e.getLocation() == null ? "" : " at line " + (e.getLocation().getLineNr() + 1);
            throw new ContentException("front matter is not valid" + where + ": " + e.getOriginalMessage(), e);
        }
    }

    /** A title (or other text value) breaking the rule the editor writes front matter by, as the file's problem. */
    private static void checkText(FrontMatter values) throws ContentException {
        FrontMatter.TextProblem problem = values.textProblem();
        if (problem != null) {
            throw new ContentException(problem.message());
        }
    }

    /** A translation key is an id-like name shared by translations: it goes into URLs and lookups. */
    private static String translationKey(String raw) throws ContentException {
        String key = blankToNull(raw);
        if (key != null && !Article.LOCAL_ID_PATTERN.matcher(key).matches()) {
            throw new ContentException("translationKey '" + key + "' must be 1-128 characters of A-Z a-z 0-9 . _ -");
        }
        return key;
    }

    private static int findFrontMatterEnd(String content) {
        int lineStart = content.indexOf('\n') + 1;
        while (lineStart > 0 && lineStart <= content.length()) {
            int lineEnd = content.indexOf('\n', lineStart);
            String line = (lineEnd < 0 ? content.substring(lineStart) : content.substring(lineStart, lineEnd)).stripTrailing();
            if (line.equals("---") || line.equals("...")) {
                return lineStart;
            }
            if (lineEnd < 0) {
                return -1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }

    private static String decodeUtf8(byte[] bytes) throws ContentException {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new ContentException("file is not valid UTF-8: save it as UTF-8 (not Shift_JIS)");
        }
    }

    private static List<String> folders(String relativePath) {
        String[] parts = relativePath.split("/");
        return List.of(parts).subList(0, parts.length - 1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
