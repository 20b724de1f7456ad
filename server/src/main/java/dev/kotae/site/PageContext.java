package dev.kotae.site;

/**
 * What every page's layout needs: the visitor's language and words, who is signed in, the form token,
 * and the page's own title, description and canonical address.
 *
 * @param agentName the signed-in agent, or {@code null} for an anonymous visitor
 * @param switchUrl this page in the other UI language
 * @param contactUrl where "contact us" goes, or {@code null}
 * @param meta this page's title, description, address and body class
 * @param canEdit whether the signed-in person may write articles (an editor or admin): the pages then link
 *     to the editor
 */
public record PageContext(String lang, Messages messages, String siteName, String csrf, String agentName,
        String otherLang, String switchUrl, String assetVersion, String contactUrl, String query, PageMeta meta,
        boolean canEdit) {

    /**
     * @param title the document title (the site name is appended)
     * @param description the meta description, or {@code null}
     * @param canonical the absolute canonical address, or {@code null}
     * @param indexable whether search engines may index the page
     * @param bodyClass {@code page-home}, {@code page-search}…
     * @param alternates the page in other languages, for search engines ({@code hreflang}); empty for none
     */
    public record PageMeta(String title, String description, String canonical, boolean indexable, String bodyClass,
            java.util.List<Alternate> alternates) {

        public PageMeta {
            alternates = alternates == null ? java.util.List.of() : java.util.List.copyOf(alternates);
        }

        /** A page with no language alternates. */
        public PageMeta(String title, String description, String canonical, boolean indexable, String bodyClass) {
            this(title, description, canonical, indexable, bodyClass, java.util.List.of());
        }
    }

    /** The same page in another language: an absolute address and its language tag. */
    public record Alternate(String hreflang, String href) {}

    /** This context with the language switch going to {@code url} (e.g. an article's translation). */
    public PageContext withSwitchUrl(String url) {
        return new PageContext(lang, messages, siteName, csrf, agentName, otherLang, url, assetVersion, contactUrl,
                query, meta, canEdit);
    }

    /** The page's words in the visitor's language. */
    public String t(String key, Object... args) {
        return messages.text(key, args);
    }

    public String documentTitle() {
        return meta.title() == null || meta.title().isEmpty() ? siteName : meta.title() + " | " + siteName;
    }

    public String otherLangName() {
        return Messages.of(otherLang).text("lang.name");
    }

    public boolean signedIn() {
        return agentName != null;
    }
}
