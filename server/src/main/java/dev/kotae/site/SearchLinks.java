package dev.kotae.site;

import dev.kotae.search.SearchRequest;
import dev.kotae.util.AsciiNumbers;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The search page's own links (facet values, clearing a facet, paging, a correction), each keeping the
 * rest of the current search. Parameters are kept in a fixed order so equal searches have equal URLs.
 */
final class SearchLinks {

    static final String QUERY = "q";
    static final String CATEGORY = "category";
    static final String TAG = "tag";
    static final String TYPE = "type";
    static final String LOCALE = "locale";
    static final String PAGE = "page";
    /** {@code locale=all}: every language, not just the visitor's. */
    static final String ALL_LOCALES = "all";

    private final Map<String, String> params;

    private SearchLinks(Map<String, String> params) {
        this.params = params;
    }

    static SearchLinks of(String query, String category, String tag, String type, String locale) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(QUERY, query);
        params.put(CATEGORY, category);
        params.put(TAG, tag);
        params.put(TYPE, type);
        params.put(LOCALE, locale);
        return new SearchLinks(params);
    }

    /** These parameters with one changed ({@code null} removes it); paging starts again. */
    SearchLinks with(String name, String value) {
        Map<String, String> changed = new LinkedHashMap<>(params);
        changed.put(name, value);
        return new SearchLinks(changed);
    }

    /** The current value of a parameter, or {@code null}. */
    String value(String name) {
        return params.get(name);
    }

    /** The URL of page 1. */
    String url() {
        return url(1);
    }

    String url(int page) {
        StringBuilder url = new StringBuilder("/search");
        char separator = '?';
        for (Map.Entry<String, String> param : params.entrySet()) {
            if (param.getValue() != null && !param.getValue().isEmpty()) {
                url.append(separator).append(param.getKey()).append('=')
                        .append(URLEncoder.encode(param.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
        }
        if (page > 1) {
            url.append(separator).append(PAGE).append('=').append(page);
        }
        return url.toString();
    }

    /**
     * The page number a {@code page} parameter asks for: 1 when absent; a 400 page when it is not a whole
     * number of ASCII digits or asks past the deepest page a search of {@code pageSize} hits may reach.
     */
    static int pageNumber(String raw, int pageSize) {
        if (raw == null || raw.isBlank()) {
            return 1;
        }
        int page = AsciiNumbers.wholeNumber(raw.strip()).orElseThrow(() -> new PageException(400));
        if (page < 1 || page > SearchRequest.MAX_WINDOW / pageSize) {
            throw new PageException(400);
        }
        return page;
    }
}
