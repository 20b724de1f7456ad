package dev.kotae.source.zendesk;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reads an export folder into a {@link ZendeskExport}. The folder holds pages as the Help Center API
 * returns them: {@code articles*.json} ({@code {"articles": [...], "next_page": ...}}, at least one),
 * optional {@code sections*.json} and {@code categories*.json}. Pages are read in natural name order
 * ({@code articles.json}, {@code articles-2.json}, ..., {@code articles-10.json}), which decides which copy
 * wins when pages overlap.
 *
 * <p>A file that is not JSON, or lacks its array, fails the whole read with a message naming the file:
 * the server then keeps the articles it indexed before instead of deleting the ones it cannot see. A
 * single entry with a wrong field type only skips that entry.
 */
final class ExportReader {

    /**
     * The largest page read. The API returns at most 100 entries a page, so a real page is a few MiB; one
     * far larger is not an export page, and reading it whole could take the server's memory.
     */
    static final long MAX_PAGE_BYTES = 64L * 1024 * 1024;

    private final ObjectMapper json = new ObjectMapper();

    /**
     * Reads every page in {@code folder}.
     *
     * @throws IOException when the folder is missing, has no {@code articles*.json}, or a file is malformed
     */
    ZendeskExport read(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("the Zendesk export folder " + folder + " does not exist or is not a folder");
        }
        List<Path> articlePages = pages(folder, "articles");
        if (articlePages.isEmpty()) {
            // An empty result would make the server delete every article; a half-copied export should not.
            throw new IOException("no articles*.json in " + folder
                    + ": save the pages of Zendesk's GET /api/v2/help_center/{locale}/articles.json there");
        }
        List<String> problems = new ArrayList<>();
        List<ZendeskExport.ArticleEntry> articles = new ArrayList<>();
        for (Path page : articlePages) {
            JsonNode items = items(page, "articles");
            for (int i = 0; i < items.size(); i++) {
                String origin = page.getFileName() + ", article " + (i + 1);
                ZendeskExport.Article article = bind(items.get(i), ZendeskExport.Article.class, origin, problems);
                if (article != null) {
                    articles.add(new ZendeskExport.ArticleEntry(origin, article));
                }
            }
        }
        List<ZendeskExport.Section> sections = readAll(folder, "sections", ZendeskExport.Section.class, problems);
        List<ZendeskExport.Category> categories =
                readAll(folder, "categories", ZendeskExport.Category.class, problems);
        return new ZendeskExport(articles, sections, categories, problems);
    }

    private <T> List<T> readAll(Path folder, String key, Class<T> type, List<String> problems) throws IOException {
        List<T> all = new ArrayList<>();
        for (Path page : pages(folder, key)) {
            JsonNode items = items(page, key);
            for (int i = 0; i < items.size(); i++) {
                T item = bind(items.get(i), type, page.getFileName() + ", " + key + " entry " + (i + 1), problems);
                if (item != null) {
                    all.add(item);
                }
            }
        }
        return all;
    }

    private <T> T bind(JsonNode node, Class<T> type, String origin, List<String> problems) {
        try {
            if (!node.isObject()) {
                problems.add(origin + " is not a JSON object; skipped");
                return null;
            }
            return json.treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            problems.add(origin + " could not be read (" + detail + "); skipped");
            return null;
        }
    }

    // The array under `key` of one page: {"articles": [...], "next_page": ..., ...}.
    private JsonNode items(Path page, String key) throws IOException {
        long size = Files.size(page);
        if (size > MAX_PAGE_BYTES) {
            throw new IOException("export page " + page + " is " + size / (1024 * 1024) + " MiB; a page of Zendesk's API"
                    + " (at most 100 entries) is far smaller, so it is not read (limit " + MAX_PAGE_BYTES / (1024 * 1024)
                    + " MiB): save the API's pages as they come");
        }
        JsonNode root;
        try (InputStream in = Files.newInputStream(page)) {
            root = json.readTree(in);
        } catch (StreamConstraintsException e) {
            // Not malformed: a value longer than Jackson reads (a 20-million-character body, say).
            throw new IOException("export page " + page + " holds a value too large to read: " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw new IOException("malformed JSON in " + page + where + ": " + e.getOriginalMessage(), e);
        }
        if (root == null || root.isMissingNode()) {
            throw new IOException("malformed JSON in " + page + ": the file is empty");
        }
        JsonNode items = root.get(key);
        if (items == null || !items.isArray()) {
            throw new IOException("malformed export file " + page + ": expected an object with a \"" + key
                    + "\" array, as Zendesk's Help Center API returns it");
        }
        return items;
    }

    private static List<Path> pages(Path folder, String prefix) throws IOException {
        List<Path> pages = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, prefix + "*.json")) {
            for (Path file : files) {
                if (Files.isRegularFile(file)) {
                    pages.add(file);
                }
            }
        }
        pages.sort(Comparator.comparing(page -> page.getFileName().toString(), ExportReader::comparePageNames));
        return pages;
    }

    /**
     * Natural order of page file names: the {@code .json} is ignored (so {@code articles} comes before
     * {@code articles-2}, although {@code '-' < '.'}) and runs of digits compare as numbers (so
     * {@code articles-2} comes before {@code articles-10}).
     */
    static int comparePageNames(String a, String b) {
        String left = a.endsWith(".json") ? a.substring(0, a.length() - 5) : a;
        String right = b.endsWith(".json") ? b.substring(0, b.length() - 5) : b;
        int i = 0;
        int j = 0;
        while (i < left.length() && j < right.length()) {
            char x = left.charAt(i);
            char y = right.charAt(j);
            if (isDigit(x) && isDigit(y)) {
                int endX = digitsEnd(left, i);
                int endY = digitsEnd(right, j);
                int byValue = new BigInteger(left.substring(i, endX)).compareTo(new BigInteger(right.substring(j, endY)));
                if (byValue != 0) {
                    return byValue;
                }
                i = endX;
                j = endY;
            } else {
                if (x != y) {
                    return Character.compare(x, y);
                }
                i++;
                j++;
            }
        }
        int byLength = Integer.compare(left.length() - i, right.length() - j);
        return byLength != 0 ? byLength : a.compareTo(b); // "01" vs "1": any fixed order will do
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String text, int from) {
        int end = from;
        while (end < text.length() && isDigit(text.charAt(end))) {
            end++;
        }
        return end;
    }
}
