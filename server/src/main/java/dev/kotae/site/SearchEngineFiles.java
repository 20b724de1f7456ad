package dev.kotae.site;

import dev.kotae.search.ArticleService;
import dev.kotae.search.Audience;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code /sitemap.xml} and {@code /robots.txt} for search engines. The sitemap lists public articles
 * only, whoever asks: it is for crawlers, and must never show an internal article's address. Their
 * absolute addresses start with {@code site.baseUrl} when it is set (see {@link Site#baseUrl}).
 */
@Path("/")
public final class SearchEngineFiles {

    /** The sitemap protocol's limit for one file. */
    static final int MAX_URLS = 50_000;

    private final Site site;
    private final ArticleService articles;

    public SearchEngineFiles(Site site, ArticleService articles) {
        this.site = site;
        this.articles = articles;
    }

    @GET
    @Path("sitemap.xml")
    @Produces("application/xml; charset=utf-8")
    public Response sitemap(@Context UriInfo uri) throws IOException {
        StringBuilder xml = new StringBuilder(64 * 1024);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"")
                .append(" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
        url(xml, site.absolute(uri, "/"), null, List.of());
        List<ArticleService.Listed> listed = articles.listing(Audience.PUBLIC, MAX_URLS - 1);
        Map<String, List<ArticleService.Listed>> translated = listed.stream().filter(a -> a.translationKey() != null)
                .collect(Collectors.groupingBy(ArticleService.Listed::translationKey));
        for (ArticleService.Listed article : listed) {
            List<ArticleService.Listed> versions = article.translationKey() == null ? List.of()
                    : translated.get(article.translationKey());
            List<PageContext.Alternate> alternates = versions.size() < 2 ? List.of() : versions.stream()
                    .map(v -> new PageContext.Alternate(v.locale(), site.absolute(uri, v.url()))).toList();
            url(xml, site.absolute(uri, article.url()), article.updated().toString(), alternates);
        }
        xml.append("</urlset>\n");
        return Response.ok(xml.toString()).header("Cache-Control", caching()).build();
    }

    @GET
    @Path("robots.txt")
    @Produces("text/plain; charset=utf-8")
    public Response robots(@Context UriInfo uri) {
        String text = "User-agent: *\nDisallow: /search\nDisallow: /login\nDisallow: /api/\n\nSitemap: "
                + site.absolute(uri, "/sitemap.xml") + "\n";
        return Response.ok(text).header("Cache-Control", caching()).build();
    }

    /**
     * Shared caches may keep these files for an hour only when their addresses come from
     * {@code site.baseUrl}. Without it they are built from the request's own host, which a caller
     * chooses: kept by a shared cache, one caller's {@code Host} would be served to everyone.
     */
    private String caching() {
        return site.hasBaseUrl() ? "public, max-age=3600" : "private, no-cache";
    }

    /**
     * One address, with its language alternates (itself included) when it has
     * public translations: the sitemap form of {@code hreflang} that search engines read.
     */
    private static void url(StringBuilder xml, String loc, String lastmod, List<PageContext.Alternate> alternates) {
        xml.append("  <url><loc>").append(escape(loc)).append("</loc>");
        if (lastmod != null) {
            xml.append("<lastmod>").append(lastmod).append("</lastmod>");
        }
        for (PageContext.Alternate alternate : alternates) {
            xml.append("<xhtml:link rel=\"alternate\" hreflang=\"").append(escape(alternate.hreflang()))
                    .append("\" href=\"").append(escape(alternate.href())).append("\"/>");
        }
        xml.append("</url>\n");
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&apos;");
    }
}
