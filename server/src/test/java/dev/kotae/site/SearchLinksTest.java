package dev.kotae.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

/** The search page's own links: fixed parameter order, encoded values, empty values left out, paging. */
class SearchLinksTest {

    @Test
    void noParametersIsTheBareSearchPage() {
        assertEquals("/search", SearchLinks.of(null, null, null, null, null).url());
        assertEquals("/search", SearchLinks.of("", "", "", "", "").url());
    }

    @Test
    void parametersComeInAFixedOrder() {
        assertEquals("/search?q=a&category=b&tag=c&type=faq&locale=ja",
                SearchLinks.of("a", "b", "c", "faq", "ja").url());
        // Whatever order they were set in.
        SearchLinks built = SearchLinks.of(null, null, null, null, null)
                .with(SearchLinks.LOCALE, "en").with(SearchLinks.TYPE, "faq").with(SearchLinks.TAG, "t")
                .with(SearchLinks.CATEGORY, "c").with(SearchLinks.QUERY, "q");
        assertEquals("/search?q=q&category=c&tag=t&type=faq&locale=en", built.url());
    }

    @Test
    void valuesAreUrlEncodedAsUtf8() {
        assertEquals("/search?q=%E8%BF%94%E9%87%91", SearchLinks.of("返金", null, null, null, null).url());
        assertEquals("/search?q=a+b%26c%3Dd%23e%3F&category=%E8%BF%94%E5%93%81%E3%83%BB%E8%BF%94%E9%87%91",
                SearchLinks.of("a b&c=d#e?", "返品・返金", null, null, null).url());
        assertEquals("/search?tag=%3Cscript%3E%22%27", SearchLinks.of(null, null, "<script>\"'", null, null).url());
        assertEquals("/search?q=100%25", SearchLinks.of("100%", null, null, null, null).url());
    }

    @Test
    void emptyAndNullValuesAreLeftOut() {
        assertEquals("/search?category=c&locale=all", SearchLinks.of("", "c", null, "", "all").url());
        assertEquals("/search?type=faq", SearchLinks.of("x", null, null, "faq", null).with(SearchLinks.QUERY, null).url());
        assertEquals("/search?type=faq", SearchLinks.of("x", null, null, "faq", null).with(SearchLinks.QUERY, "").url());
    }

    @Test
    void pageOneHasNoPageParameterAndLaterPagesComeLast() {
        SearchLinks links = SearchLinks.of("返金", "c", null, null, "ja");
        assertEquals(links.url(), links.url(1));
        assertEquals("/search?q=%E8%BF%94%E9%87%91&category=c&locale=ja", links.url(1));
        assertEquals("/search?q=%E8%BF%94%E9%87%91&category=c&locale=ja&page=2", links.url(2));
        assertEquals("/search?page=3", SearchLinks.of(null, null, null, null, null).url(3));
        assertEquals("/search?q=x&page=10", SearchLinks.of("x", null, null, null, null).url(10));
    }

    @Test
    void withChangesOneParameterAndLeavesTheOriginalAlone() {
        SearchLinks original = SearchLinks.of("q", "c1", null, null, null);
        SearchLinks changed = original.with(SearchLinks.CATEGORY, "c2");
        assertEquals("/search?q=q&category=c1", original.url());
        assertEquals("/search?q=q&category=c2", changed.url());
        assertEquals("c1", original.value(SearchLinks.CATEGORY));
        assertEquals("c2", changed.value(SearchLinks.CATEGORY));
        assertEquals("/search?q=q", original.with(SearchLinks.CATEGORY, null).url());
        assertNull(original.with(SearchLinks.CATEGORY, null).value(SearchLinks.CATEGORY));
        assertNull(original.value(SearchLinks.TAG));
    }
}
