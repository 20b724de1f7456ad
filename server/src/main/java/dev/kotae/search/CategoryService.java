package dev.kotae.search;

import java.io.IOException;
import java.util.List;

/** Categories with the number of articles the caller may see in each, for navigation. */
public final class CategoryService {

    /** One category and its article count. */
    public record Category(String name, long count) {}

    private final SearchService search;

    public CategoryService(SearchService search) {
        this.search = search;
    }

    public List<Category> categories(String locale, Audience audience) throws IOException {
        return search.overview(locale, audience).facets().get("category").stream().map(f -> new Category(f.value(), f.count())).toList();
    }
}
