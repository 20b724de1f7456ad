package dev.kotae.web;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kotae.http.BrowserCookies;
import dev.kotae.http.CsrfTokens;
import dev.kotae.site.Messages;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

/**
 * The help-center pages over real HTTP, as a browser meets them: language, security headers, escaping,
 * search-engine files, internal content kept from anonymous visitors, agent sign-in with cookies and
 * CSRF tokens, the vote form, error pages, the search page's links and the static assets.
 *
 * <p>Cookies are handled by hand (a {@link Browser} keeps a jar and sends a {@code Cookie} header): the
 * server marks cookies {@code Secure} on 127.0.0.1, which Java's own cookie manager will not send over
 * plain HTTP, and handling them by hand also lets each test see exactly what was set.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SitePagesIT {

    private static final String PUBLIC_FAQ = "refund-timing";
    private static final String PUBLIC_TITLE = "返金の時期と方法";
    private static final String PLAYBOOK = "refund-approval";
    private static final String PLAYBOOK_WORD = "承認コード";
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private KotaeServer server;
    private String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    /** Internal articles (from the agent API): id → title. */
    private final Map<String, String> internalTitles = new TreeMap<>();
    /** Categories only internal articles have. */
    private final Set<String> internalCategories = new TreeSet<>();
    /** Public article ids (from the anonymous API). */
    private final Set<String> publicIds = new TreeSet<>();

    @BeforeAll
    void start(@TempDir Path work) throws Exception {
        server = KotaeServer.withSampleContent(work);
        base = server.baseUrl();
        Set<String> publicCategories = new TreeSet<>();
        JsonNode hits = server.get("/api/v1/search?q=&size=100", KotaeServer.AGENT_TOKEN).json().get("hits");
        for (JsonNode hit : hits) {
            if ("internal".equals(hit.get("visibility").asText())) {
                internalTitles.put(hit.get("id").asText(), hit.get("title").asText());
                internalCategories.add(hit.get("category").asText());
            } else {
                publicCategories.add(hit.get("category").asText());
            }
        }
        internalCategories.removeAll(publicCategories);
        KotaeServer.ids(server.get("/api/v1/search?q=&size=100").json().get("hits")).forEach(publicIds::add);
        assertTrue(internalTitles.containsKey(PLAYBOOK), "the sample should have the playbook: " + internalTitles);
        assertTrue(internalTitles.size() >= 5, "too few playbooks in the sample: " + internalTitles);
        assertFalse(internalCategories.isEmpty(), "the sample should have internal-only categories");
        assertTrue(publicIds.contains(PUBLIC_FAQ) && !publicIds.contains(PLAYBOOK), publicIds.toString());
        assertTrue(hits.size() < 100 && publicIds.size() < 100, "raise the size: the sample outgrew one page");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
    }

    // 1. Pages and languages --------------------------------------------------------------------------

    @Test
    void pagesAreUtf8HtmlInJapaneseByDefault() {
        for (String path : List.of("/", "/search?q=" + enc("返金"), "/articles/" + PUBLIC_FAQ)) {
            Page page = new Browser().get(path);
            assertEquals(200, page.status(), path);
            String type = page.header("content-type").toLowerCase(Locale.ROOT);
            assertTrue(type.startsWith("text/html") && type.replace(" ", "").contains("charset=utf-8"),
                    path + ": " + type);
            assertTrue(page.body().contains("<html lang=\"ja\">"), path);
            assertTrue(page.body().contains("ヘルプセンター"), path);
            assertFalse(page.body().contains("Help Center"), path);
            // An icon of its own (allowed by img-src data:): the browser does not ask for /favicon.ico.
            assertNotNull(page.html().selectFirst("head link[rel=icon][href^=data:image/svg+xml,]"), path);
        }
        assertTrue(new Browser().get("/search?q=" + enc("返金")).body().contains("返金"));
        assertTrue(new Browser().get("/articles/" + PUBLIC_FAQ).body().contains(PUBLIC_TITLE));
    }

    @Test
    void acceptLanguageEnglishGivesEnglishPages() {
        for (String path : List.of("/", "/search?q=" + enc("返金"), "/articles/" + PUBLIC_FAQ)) {
            Page page = new Browser().get(path, "Accept-Language", "en-US,en;q=0.9");
            assertEquals(200, page.status(), path);
            assertTrue(page.body().contains("<html lang=\"en\">"), path);
            assertTrue(page.body().contains("Help Center"), path);
            assertNull(page.cookie(BrowserCookies.LANGUAGE), "a header choice is not remembered: " + path);
        }
        // A language the site does not have falls through to the next acceptable one, then the default.
        assertTrue(new Browser().get("/", "Accept-Language", "fr-FR,fr;q=0.9,en;q=0.5").body()
                .contains("<html lang=\"en\">"));
        assertTrue(new Browser().get("/", "Accept-Language", "fr").body().contains("<html lang=\"ja\">"));
        // q=0 is "not acceptable" (RFC 9110), never a choice.
        assertTrue(new Browser().get("/", "Accept-Language", "en;q=0").body().contains("<html lang=\"ja\">"));
        assertTrue(new Browser().get("/", "Accept-Language", "ja;q=0").body().contains("<html lang=\"en\">"));
    }

    @Test
    void langParameterIsRememberedInACookie() {
        Browser browser = new Browser();
        Page english = browser.get("/?lang=en");
        assertEquals(200, english.status());
        assertTrue(english.body().contains("<html lang=\"en\">"));
        assertTrue(english.body().contains("Help Center"));
        SetCookie lang = english.cookie(BrowserCookies.LANGUAGE);
        assertNotNull(lang, "no kotae_lang cookie: " + english.setCookies());
        assertEquals("en", lang.value());
        assertTrue(Long.parseLong(lang.attribute("max-age")) > 30L * 24 * 3600, lang.raw());
        assertEquals("/", lang.attribute("path"), lang.raw());

        // Remembered: no parameter, no Accept-Language, still English; a Japanese browser header loses to it.
        Page again = browser.get("/articles/" + PUBLIC_FAQ, "Accept-Language", "ja");
        assertTrue(again.body().contains("<html lang=\"en\">"));
        assertNull(again.cookie(BrowserCookies.LANGUAGE), "nothing new to remember");

        // The switch link on the English page leads back to Japanese, and that is remembered too.
        Element link = again.html().selectFirst("a.lang-switch");
        assertNotNull(link);
        assertEquals("ja", link.attr("hreflang"));
        Page japanese = browser.get(link.attr("href"));
        assertTrue(japanese.body().contains("<html lang=\"ja\">"));
        assertEquals("ja", japanese.cookie(BrowserCookies.LANGUAGE).value());
        assertTrue(browser.get("/").body().contains("<html lang=\"ja\">"));
    }

    @Test
    void everyPageLinksToItselfInTheOtherLanguage() {
        // An article with a translation switches to it (TranslationsIT); wrong-item has none.
        for (String path : List.of("/", "/search?q=" + enc("返金"), "/articles/wrong-item", "/login")) {
            Page page = new Browser().get(path);
            Element link = page.html().selectFirst("a.lang-switch");
            assertNotNull(link, path);
            assertEquals("en", link.attr("hreflang"), path);
            String href = link.attr("href");
            assertTrue(href.startsWith("/") && !href.startsWith("//"), href);
            assertTrue(href.contains("lang=en"), href);
            Page english = new Browser().get(href);
            assertEquals(200, english.status(), href);
            assertTrue(english.body().contains("<html lang=\"en\">"), href);
            assertEquals(URI.create(path).getPath(), URI.create(href).getPath());
        }
        // The switch keeps the search.
        String href = new Browser().get("/search?q=" + enc("返金")).html().selectFirst("a.lang-switch").attr("href");
        assertEquals("返金", new Browser().get(href).html().getElementById("q").attr("value"));
    }

    /** An article with no translation into the page's language says it is only in its own, in the page's words. */
    @Test
    void anArticleReadInTheOtherLanguageSaysItHasNoTranslation() {
        Element note = new Browser().get("/articles/wrong-item?lang=en").html().selectFirst(".article-language");
        assertNotNull(note, "a Japanese article under the English page");
        assertEquals("This article is available in Japanese only.", note.text());
        assertEquals("この記事は英語版のみです。",
                new Browser().get("/articles/damaged-or-wrong-items").html().selectFirst(".article-language").text());
        assertNull(new Browser().get("/articles/wrong-item").html().selectFirst(".article-language"), "in its language");
        assertNull(new Browser().get("/articles/refund-timing?lang=en").html().selectFirst(".article-language"),
                "it has an English translation, which the language switch goes to");
    }

    // 2. Security headers and cookies -----------------------------------------------------------------

    @Test
    void pagesCarryAStrictContentSecurityPolicyAndNoSharedCaching() {
        for (String path : List.of("/", "/search?q=" + enc("返金"), "/articles/" + PUBLIC_FAQ, "/login",
                "/articles/no-such-article", "/no-such-page", "/search?page=abc")) {
            Page page = new Browser().get(path);
            assertNotEquals(500, page.status(), path);
            String csp = page.header("content-security-policy");
            assertTrue(csp.contains("script-src 'self'"), path + ": " + csp);
            assertFalse(csp.contains("'unsafe-inline'"), path + ": " + csp);
            assertFalse(csp.contains("'unsafe-eval'"), path + ": " + csp);
            assertTrue(csp.contains("frame-ancestors 'none'"), path + ": " + csp);
            assertEquals("nosniff", page.header("x-content-type-options"), path);
            assertFalse(page.header("referrer-policy").isEmpty(), path);
            assertFalse(page.header("referrer-policy").contains("unsafe-url"), path);
            assertTrue(page.header("cache-control").contains("private"), path + ": " + page.header("cache-control"));
            assertFalse(page.header("cache-control").contains("public"), path);
        }
    }

    @Test
    void firstVisitGetsAnHttpOnlyLaxCsrfCookieAndLaterVisitsKeepIt() {
        Browser browser = new Browser();
        Page first = browser.get("/");
        SetCookie csrf = first.cookie(BrowserCookies.CSRF);
        assertNotNull(csrf, "no kotae_csrf cookie: " + first.setCookies());
        assertFalse(csrf.value().isEmpty());
        assertTrue(csrf.has("httponly"), csrf.raw());
        assertEquals("lax", csrf.attribute("samesite").toLowerCase(Locale.ROOT), csrf.raw());
        assertEquals("/", csrf.attribute("path"), csrf.raw());
        assertTrue(csrf.has("secure"), "loopback counts as a secure origin: " + csrf.raw());
        String token = metaCsrf(first);
        assertFalse(token.isEmpty());
        assertFalse(first.body().contains(csrf.value()), "the page must not reveal the cookie itself");

        Page second = browser.get("/articles/" + PUBLIC_FAQ);
        assertNull(second.cookie(BrowserCookies.CSRF), "a browser that has the cookie keeps it");
        assertEquals(token, metaCsrf(second), "the token is bound to the browser's cookie");
        assertEquals(token, formCsrf(second));
        assertNotEquals(token, metaCsrf(new Browser().get("/")), "another browser gets another token");
    }

    @Test
    void jsonApiResponsesAreDataNotDocuments() {
        for (String path : List.of("/api/v1/search?q=" + enc("返金"), "/api/v1/suggest?q=" + enc("返金"),
                "/api/v1/articles/" + PUBLIC_FAQ, "/api/v1/nope")) {
            Page reply = new Browser().get(path, "Accept", "application/json");
            assertTrue(reply.header("content-type").startsWith("application/json"), path);
            String csp = reply.header("content-security-policy");
            assertTrue(csp.contains("default-src 'none'"), path + ": " + csp);
            assertEquals("nosniff", reply.header("x-content-type-options"), path);
        }
    }

    // 3. Escaping -------------------------------------------------------------------------------------

    @Test
    void queryIsEscapedInTextAndAttributes() {
        String query = "<script>alert(1)</script>\"'";
        Page page = new Browser().get("/search?q=" + enc(query));
        assertEquals(200, page.status());
        String body = page.body();
        assertFalse(body.contains("<script>alert"), "script tag from the query reached the page");
        assertFalse(body.contains("alert(1)</script>"));
        assertTrue(body.contains("&lt;script&gt;alert(1)&lt;/script&gt;"), "query not shown escaped");
        assertSearchInputHolds(body, query);
        assertEquals(query, page.html().getElementById("q").attr("value"));
        assertTrue(page.html().title().contains(query), page.html().title());
        // Nothing from the query turned into an element.
        assertEquals(1, page.html().select("script").size(), "only the page's own script: "
                + page.html().select("script"));
    }

    @Test
    void closingScriptTagInAQueryNeverAppearsRaw() {
        // One query with hits (the result list carries it in data-query), one with none (the zero-results text).
        for (String query : List.of("返金</script><img src=x onerror=alert(3)>",
                "zzqq</script><img src=x onerror=alert(3)>")) {
            Page page = new Browser().get("/search?q=" + enc(query));
            assertEquals(200, page.status(), query);
            String body = page.body();
            assertFalse(body.contains("</script><img"), query);
            assertFalse(body.contains("<img src=x"), query);
            assertTrue(page.html().select("img").isEmpty(), query);
            assertSearchInputHolds(body, query);
            assertTrue(body.contains("&lt;/script&gt;&lt;img src=x onerror=alert(3)&gt;"), query);
        }
        Page withHits = new Browser().get("/search?q=" + enc("返金</script>"));
        assertFalse(withHits.html().select("a.result-link").isEmpty(), "expected hits for 返金</script>");
        assertEquals("返金</script>", withHits.html().selectFirst("ol.result-list").attr("data-query"));
    }

    // 4. Search engines ------------------------------------------------------------------------------

    @Test
    void articlePageHasCanonicalTitleDescriptionAndFaqJsonLd() throws IOException {
        Page page = new Browser().get("/articles/" + PUBLIC_FAQ);
        String body = page.body();
        String canonical = base + "/articles/" + PUBLIC_FAQ;
        assertTrue(body.contains("<link rel=\"canonical\" href=\"" + canonical + "\">"), "canonical " + canonical);
        assertTrue(page.html().title().contains(PUBLIC_TITLE), page.html().title());
        Element description = page.html().selectFirst("meta[name=description]");
        assertNotNull(description);
        assertFalse(description.attr("content").isBlank());
        assertTrue(description.attr("content").length() <= 200, description.attr("content"));
        assertNull(page.html().selectFirst("meta[name=robots][content*=noindex]"), "a public article is indexable");

        Matcher script = Pattern.compile("<script type=\"application/ld\\+json\">(.*?)</script>", Pattern.DOTALL)
                .matcher(body);
        assertTrue(script.find(), "no JSON-LD block");
        String json = script.group(1);
        assertFalse(json.contains("<"), "a raw '<' in JSON-LD could end the script element");
        assertTrue(json.contains("\\u003c"), "the answer's HTML should be there, with '<' escaped");
        JsonNode ld = KotaeServer.JSON.readTree(json);
        assertEquals("https://schema.org", ld.path("@context").asText());
        assertEquals("FAQPage", ld.path("@type").asText());
        assertEquals(canonical, ld.path("url").asText());
        JsonNode question = ld.path("mainEntity").path(0);
        assertEquals("Question", question.path("@type").asText());
        assertEquals(PUBLIC_TITLE, question.path("name").asText());
        assertEquals("Answer", question.path("acceptedAnswer").path("@type").asText());
        assertTrue(question.path("acceptedAnswer").path("text").asText().contains("<"), "answer HTML decodes back");
    }

    @Test
    void sitemapListsPublicArticlesOnlyWhoeverAsks() throws Exception {
        Browser agent = signedInAgent();
        List<Page> sitemaps = List.of(new Browser().get("/sitemap.xml"),
                new Browser().get("/sitemap.xml", "Authorization", "Bearer " + KotaeServer.AGENT_TOKEN),
                new Browser().get("/sitemap.xml", "Authorization", "Bearer " + KotaeServer.ADMIN_TOKEN),
                agent.get("/sitemap.xml"));
        for (Page sitemap : sitemaps) {
            assertEquals(200, sitemap.status());
            assertTrue(sitemap.header("content-type").contains("xml"), sitemap.header("content-type"));
            List<String> locs = sitemapLocs(sitemap.body());
            assertTrue(locs.contains(base + "/articles/" + PUBLIC_FAQ), locs.toString());
            assertTrue(locs.contains(base + "/"), "the home page belongs in the sitemap");
            for (String id : publicIds) {
                assertTrue(locs.contains(base + "/articles/" + id), "sitemap lacks public article " + id);
            }
            for (String id : internalTitles.keySet()) {
                assertFalse(sitemap.body().contains("/articles/" + id + "<"), "sitemap lists internal " + id);
                assertFalse(locs.contains(base + "/articles/" + id), "sitemap lists internal " + id);
            }
            assertEquals(new TreeSet<>(locs).size(), locs.size(), "duplicate URLs in the sitemap");
            assertEquals(publicIds.size() + 1, locs.size(), "home plus each public article: " + locs);
        }
        assertEquals(sitemaps.get(0).body(), sitemaps.get(3).body(), "the sitemap must not depend on who asks");
    }

    @Test
    void robotsTxtNamesTheSitemap() {
        Page robots = new Browser().get("/robots.txt");
        assertEquals(200, robots.status());
        assertTrue(robots.header("content-type").startsWith("text/plain"), robots.header("content-type"));
        assertTrue(robots.body().lines().anyMatch(line -> line.equals("Sitemap: " + base + "/sitemap.xml")),
                robots.body());
        assertTrue(robots.body().contains("User-agent: *"));
    }

    // 5. Internal content and anonymous visitors ------------------------------------------------------

    @Test
    void internalArticlePageIsAPlain404ForAnonymousVisitors() {
        Browser browser = new Browser();
        Page hidden = browser.get("/articles/" + PLAYBOOK);
        assertEquals(404, hidden.status());
        assertTrue(hidden.header("content-type").startsWith("text/html"), hidden.header("content-type"));
        assertTrue(hidden.body().contains("<html"));
        assertFalse(hidden.body().contains(internalTitles.get(PLAYBOOK)));
        assertFalse(hidden.body().contains(PLAYBOOK_WORD));
        assertFalse(hidden.body().contains("社内限定"));
        // Exactly the page of an article that does not exist (same browser, so the same form token).
        Page missing = browser.get("/articles/no-such-article");
        assertEquals(404, missing.status());
        assertEquals(missing.body().replace("no-such-article", PLAYBOOK), hidden.body());
        for (String id : internalTitles.keySet()) {
            Page page = browser.get("/articles/" + id);
            assertEquals(404, page.status(), id);
            assertFalse(page.body().contains(internalTitles.get(id)), id);
        }
    }

    @Test
    void anonymousSearchAndHomeShowNoInternalArticles() {
        Page search = new Browser().get("/search?q=" + enc(PLAYBOOK_WORD));
        assertEquals(200, search.status());
        assertNoInternalContent(search, "search " + PLAYBOOK_WORD);
        Page all = new Browser().get("/search?q=&locale=all");
        assertNoInternalContent(all, "search all");
        for (String category : internalCategories) {
            // Answered as a category that does not exist, as a hidden article is answered as a missing one.
            Page byCategory = new Browser().get("/search?category=" + enc(category) + "&locale=all");
            assertEquals(404, byCategory.status());
            assertTrue(byCategory.html().select("a.result-link").isEmpty(), category);
            assertEquals(Messages.of("ja").text("search.unknownCategory", category),
                    byCategory.html().selectFirst("main h1").text());
        }
        for (String lang : List.of("ja", "en")) {
            Page home = new Browser().get("/?lang=" + lang);
            assertEquals(200, home.status());
            assertNoInternalContent(home, "home " + lang);
            assertFalse(home.html().select(".category-list a").isEmpty(), "home shows categories");
        }
    }

    @Test
    void anonymousSuggestionsHaveNoInternalArticles() {
        JsonNode agent = server.get("/api/v1/suggest?q=" + enc("承認"), KotaeServer.AGENT_TOKEN).json();
        assertTrue(KotaeServer.ids(agent.get("suggestions")).contains(PLAYBOOK),
                "premise: the agent is suggested the playbook for 承認: " + agent);
        JsonNode anonymous = server.get("/api/v1/suggest?q=" + enc("承認")).json();
        for (JsonNode suggestion : anonymous.get("suggestions")) {
            assertFalse(internalTitles.containsKey(suggestion.get("id").asText()), suggestion.toString());
            assertNotEquals("internal", suggestion.path("visibility").asText(), suggestion.toString());
        }
    }

    // 6. Agent sign-in --------------------------------------------------------------------------------

    @Test
    void agentSignsInSeesPlaybooksAndSignsOut() {
        Browser browser = new Browser();
        Page form = browser.get("/login");
        assertEquals(200, form.status());
        Element loginForm = form.html().selectFirst("form.login-form");
        assertNotNull(loginForm);
        assertEquals("post", loginForm.attr("method"));
        assertEquals("/login", loginForm.attr("action"));
        assertNotNull(loginForm.selectFirst("input[name=token][type=password]"));
        String csrf = formCsrf(form);
        assertFalse(csrf.isEmpty());
        assertEquals(metaCsrf(form), csrf);
        assertNotNull(form.html().selectFirst("meta[name=robots][content*=noindex]"), "the sign-in page is noindex");

        Page signedIn = browser.post("/login", Map.of("csrf", csrf, "token", KotaeServer.AGENT_TOKEN,
                "next", "/articles/" + PLAYBOOK));
        assertEquals(303, signedIn.status(), signedIn.body());
        assertEquals("/articles/" + PLAYBOOK, local(signedIn.header("location")));
        SetCookie session = signedIn.cookie(BrowserCookies.SESSION);
        assertNotNull(session, "no session cookie: " + signedIn.setCookies());
        assertTrue(session.value().length() >= 16, "a session id should be long and random: " + session.raw());
        assertFalse(session.value().contains(KotaeServer.AGENT_TOKEN), "the token itself must not be the cookie");
        assertTrue(session.has("httponly"), session.raw());
        assertEquals("lax", session.attribute("samesite").toLowerCase(Locale.ROOT), session.raw());
        assertEquals("/", session.attribute("path"), session.raw());
        assertTrue(session.has("secure"), session.raw());
        assertTrue(Long.parseLong(session.attribute("max-age")) > 0, session.raw());
        SetCookie newCsrf = signedIn.cookie(BrowserCookies.CSRF);
        assertNotNull(newCsrf, "signing in should start a fresh CSRF binding");
        assertTrue(newCsrf.has("httponly"), newCsrf.raw());
        String oldSession = session.value();

        Page article = browser.get("/articles/" + PLAYBOOK);
        assertEquals(200, article.status());
        assertTrue(article.body().contains("社内限定"));
        assertTrue(article.body().contains(internalTitles.get(PLAYBOOK)));
        assertTrue(article.body().contains(PLAYBOOK_WORD));
        assertNotNull(article.html().selectFirst("meta[name=robots][content*=noindex]"), "internal pages are noindex");
        assertFalse(article.body().contains("application/ld+json"), "no search-engine data for internal pages");
        assertTrue(article.header("cache-control").contains("no-store"), article.header("cache-control"));
        assertNotNull(article.html().selectFirst("form.signout-form"), "signed-in pages offer signing out");

        Page search = browser.get("/search?q=" + enc(PLAYBOOK_WORD));
        assertTrue(resultIds(search).contains(PLAYBOOK), "agent search: " + resultIds(search));

        JsonNode suggestions = browser.get("/api/v1/suggest?q=" + enc("承認"), "Accept", "application/json").json();
        assertTrue(KotaeServer.ids(suggestions.get("suggestions")).contains(PLAYBOOK),
                "the session cookie counts for reads: " + suggestions);

        // The pre-sign-in form token is worthless now.
        assertEquals(403, browser.post("/logout", Map.of("csrf", csrf)).status());

        Page loggedOut = browser.post("/logout", Map.of("csrf", metaCsrf(article)));
        assertEquals(303, loggedOut.status(), loggedOut.body());
        assertEquals("/", local(loggedOut.header("location")));
        SetCookie expired = loggedOut.cookie(BrowserCookies.SESSION);
        assertNotNull(expired, "signing out should expire the session cookie: " + loggedOut.setCookies());
        assertEquals("0", expired.attribute("max-age"), expired.raw());
        assertEquals("", expired.value(), expired.raw());
        assertNull(browser.cookies.get(BrowserCookies.SESSION));

        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status());
        // A copy of the old cookie is worthless: the session ended on the server.
        browser.cookies.put(BrowserCookies.SESSION, oldSession);
        Page replayed = browser.get("/articles/" + PLAYBOOK);
        assertEquals(404, replayed.status());
        assertFalse(replayed.body().contains(PLAYBOOK_WORD));
        assertFalse(resultIds(browser.get("/search?q=" + enc(PLAYBOOK_WORD))).contains(PLAYBOOK));
        assertFalse(KotaeServer.ids(browser.get("/api/v1/suggest?q=" + enc("承認"), "Accept", "application/json")
                .json().get("suggestions")).contains(PLAYBOOK));
    }

    @Test
    void wrongTokenIs401WithAMessageAndNoSession() {
        Browser browser = new Browser();
        String csrf = formCsrf(browser.get("/login"));
        Page failed = browser.post("/login", Map.of("csrf", csrf, "token", "not-the-token-0123456789", "next", "/"));
        assertEquals(401, failed.status());
        assertTrue(failed.header("content-type").startsWith("text/html"), failed.header("content-type"));
        Element error = failed.html().selectFirst(".form-error[role=alert]");
        assertNotNull(error, "no error message on the page");
        assertEquals(Messages.of("ja").text("login.failed"), error.text());
        assertNull(failed.cookie(BrowserCookies.SESSION), failed.setCookies().toString());
        assertFalse(failed.body().contains("not-the-token-0123456789"), "the typed token must not be echoed");
        assertNotNull(failed.html().selectFirst("form.login-form"), "the form is shown again");
        assertEquals(401, browser.post("/login", Map.of("csrf", csrf, "token", "", "next", "/")).status());
        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status());
    }

    @Test
    void signInWithoutAValidFormTokenIsRefused() {
        Browser browser = new Browser();
        browser.get("/login");
        Page noToken = browser.post("/login", Map.of("token", KotaeServer.AGENT_TOKEN, "next", "/"));
        assertForbiddenPage(noToken);

        // A token another browser was given (bound to its cookie, not ours).
        String otherToken = formCsrf(new Browser().get("/login"));
        Page foreignToken = browser.post("/login", Map.of("csrf", otherToken, "token", KotaeServer.AGENT_TOKEN));
        assertForbiddenPage(foreignToken);

        // A browser with no CSRF cookie at all.
        Browser cookieless = new Browser();
        Page noCookie = cookieless.post("/login", Map.of("csrf", otherToken, "token", KotaeServer.AGENT_TOKEN));
        assertForbiddenPage(noCookie);

        Page garbage = browser.post("/login", Map.of("csrf", "forged", "token", KotaeServer.AGENT_TOKEN));
        assertForbiddenPage(garbage);
        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status());
    }

    @Test
    void signInFromAnotherOriginIsRefused() {
        Browser browser = new Browser();
        String csrf = formCsrf(browser.get("/login"));
        Page crossSite = browser.post("/login", Map.of("csrf", csrf, "token", KotaeServer.AGENT_TOKEN, "next", "/"),
                "Origin", "https://evil.example");
        assertForbiddenPage(crossSite);
        Page nullOrigin = browser.post("/login", Map.of("csrf", csrf, "token", KotaeServer.AGENT_TOKEN, "next", "/"),
                "Origin", "null");
        assertForbiddenPage(nullOrigin);
        // The same request from this site's own origin goes through.
        Page sameSite = browser.post("/login", Map.of("csrf", csrf, "token", KotaeServer.AGENT_TOKEN, "next", "/"),
                "Origin", base);
        assertEquals(303, sameSite.status(), sameSite.body());
        assertNotNull(sameSite.cookie(BrowserCookies.SESSION));
    }

    @Test
    void signInNeverRedirectsOffSite() {
        for (String next : List.of("//evil.example", "//evil.example/articles/x", "https://evil.example/",
                "/\\evil.example", "javascript:alert(1)")) {
            Browser browser = new Browser();
            Page login = browser.get("/login?next=" + enc(next));
            assertEquals("/", login.html().selectFirst("form.login-form input[name=next]").attr("value"),
                    "the form should not carry a foreign next: " + next);
            String csrf = formCsrf(login);
            Page signedIn = browser.post("/login", Map.of("csrf", csrf, "token", KotaeServer.AGENT_TOKEN,
                    "next", next));
            assertEquals(303, signedIn.status(), next);
            String location = signedIn.header("location");
            assertTrue(location.equals("/") || location.equals(base + "/"), next + " → " + location);
        }
    }

    @Test
    void signInWithANextThatIsNoValidUriStillSignsInAndGoesHome() {
        for (String next : List.of("/search?q=\"x\"", "/<x>", "/a|b", "/%zz", "/a#b#c", "/a\u00a0b")) {
            Browser browser = new Browser();
            Page login = browser.get("/login?next=" + enc(next));
            assertEquals("/", login.html().selectFirst("form.login-form input[name=next]").attr("value"), next);
            Page signedIn = browser.post("/login", Map.of("csrf", formCsrf(login), "token", KotaeServer.AGENT_TOKEN,
                    "next", next));
            assertEquals(303, signedIn.status(), () -> next + ": " + signedIn.body());
            assertEquals("/", local(signedIn.header("location")), next);
            assertNotNull(signedIn.cookie(BrowserCookies.SESSION), next);
        }
        // Plain non-ASCII is a valid next: kept, and sent percent-encoded as browsers expect.
        Browser browser = new Browser();
        Page signedIn = browser.post("/login", Map.of("csrf", formCsrf(browser.get("/login")), "token",
                KotaeServer.AGENT_TOKEN, "next", "/search?q=返金"));
        assertEquals(303, signedIn.status(), signedIn.body());
        assertEquals("/search?q=%E8%BF%94%E9%87%91", local(signedIn.header("location")));
    }

    // 7. Feedback ------------------------------------------------------------------------------------

    @Test
    void voteFormRecordsFeedbackAndRedirectsBackToTheArticle() {
        Browser browser = new Browser();
        Page article = browser.get("/articles/" + PUBLIC_FAQ);
        Element form = article.html().selectFirst("form.feedback-form");
        assertNotNull(form);
        assertEquals("/articles/" + PUBLIC_FAQ + "/feedback", form.attr("action"));
        String csrf = form.selectFirst("input[name=csrf]").attr("value");
        long before = feedbackCount();

        Page voted = browser.post("/articles/" + PUBLIC_FAQ + "/feedback",
                Map.of("csrf", csrf, "helpful", "true", "comment", "とても分かりやすい"));
        assertEquals(303, voted.status(), voted.body());
        assertEquals("/articles/" + PUBLIC_FAQ + "#feedback", local(voted.header("location")));
        assertEquals(before + 1, feedbackCount());
        JsonNode recent = server.get("/api/v1/admin/feedback?articleId=" + PUBLIC_FAQ, KotaeServer.ADMIN_TOKEN)
                .json().get("feedback");
        boolean found = false;
        for (JsonNode feedback : recent) {
            found |= "とても分かりやすい".equals(feedback.path("comment").asText())
                    && feedback.path("helpful").asBoolean();
        }
        assertTrue(found, "the comment should be stored as sent (UTF-8): " + recent);

        Page thanks = browser.get("/articles/" + PUBLIC_FAQ);
        assertEquals(200, thanks.status());
        assertNotNull(thanks.html().selectFirst(".feedback-thanks:not([hidden])"));
        assertNull(thanks.html().selectFirst("form.feedback-vote"), "the page remembers the vote");
    }

    @Test
    void voteFormWithoutTokenOrWithABadAnswerIsRefused() {
        Browser browser = new Browser();
        String csrf = formCsrf(browser.get("/articles/" + PUBLIC_FAQ));
        long before = feedbackCount();

        assertForbiddenPage(browser.post("/articles/" + PUBLIC_FAQ + "/feedback", Map.of("helpful", "true")));
        assertForbiddenPage(browser.post("/articles/" + PUBLIC_FAQ + "/feedback",
                Map.of("csrf", metaCsrf(new Browser().get("/")), "helpful", "true")));
        assertForbiddenPage(browser.post("/articles/" + PUBLIC_FAQ + "/feedback",
                Map.of("csrf", csrf, "helpful", "true"), "Origin", "https://evil.example"));
        assertEquals(before, feedbackCount());

        for (Map<String, String> form : List.of(Map.of("csrf", csrf, "helpful", "maybe"), Map.of("csrf", csrf))) {
            Page bad = browser.post("/articles/" + PUBLIC_FAQ + "/feedback", form);
            assertEquals(400, bad.status(), form.toString());
            assertTrue(bad.header("content-type").startsWith("text/html"), bad.header("content-type"));
            assertTrue(bad.body().contains("<html"));
        }
        assertEquals(before, feedbackCount());

        // Hidden and missing articles are the same 404 page, and nothing is recorded.
        for (String id : List.of(PLAYBOOK, "no-such-article")) {
            Page hidden = browser.post("/articles/" + id + "/feedback", Map.of("csrf", csrf, "helpful", "true"));
            assertEquals(404, hidden.status(), id);
            assertTrue(hidden.body().contains("<html"), id);
        }
        assertEquals(before, feedbackCount());
    }

    @Test
    void sessionCookieCountsForApiWritesOnlyWithTheCsrfHeader() {
        Browser agent = signedInAgent();
        String token = metaCsrf(agent.get("/articles/" + PLAYBOOK));
        String path = "/api/v1/articles/" + PLAYBOOK + "/feedback";
        String vote = "{\"helpful\":true}";
        long before = feedbackCount();

        Page cookieOnly = agent.postJson(path, vote);
        assertEquals(404, cookieOnly.status(), cookieOnly.body());
        Page wrongHeader = agent.postJson(path, vote, CsrfTokens.HEADER, metaCsrf(new Browser().get("/")));
        assertEquals(404, wrongHeader.status(), wrongHeader.body());
        assertEquals(before, feedbackCount());

        Page withHeader = agent.postJson(path, vote, CsrfTokens.HEADER, token);
        assertEquals(201, withHeader.status(), withHeader.body());
        assertEquals(PLAYBOOK, withHeader.json().get("articleId").asText());
        assertEquals(before + 1, feedbackCount());

        // The header alone, without the session, is just an anonymous vote: the playbook stays hidden.
        Browser anonymous = new Browser();
        String anonymousToken = metaCsrf(anonymous.get("/"));
        assertEquals(404, anonymous.postJson(path, vote, CsrfTokens.HEADER, anonymousToken).status());
        assertEquals(before + 1, feedbackCount());
    }

    // 8. Errors --------------------------------------------------------------------------------------

    @Test
    void unknownAddressesGetAnHtmlPageOrJsonAsAsked() throws IOException {
        Page page = new Browser().get("/no-such-page");
        assertEquals(404, page.status());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertTrue(page.body().contains("<html"));
        assertTrue(page.body().contains(Messages.of("ja").text("error.404.title")));

        for (String accept : List.of(BROWSER_ACCEPT, "application/json")) {
            Page api = new Browser().get("/api/v1/nope", "Accept", accept);
            assertEquals(404, api.status(), accept);
            assertTrue(api.header("content-type").startsWith("application/json"), api.header("content-type"));
            assertEquals("not_found", api.json().path("error").path("code").asText(), api.body());
        }
        Page json = new Browser().get("/no-such-page", "Accept", "application/json");
        assertEquals(404, json.status());
        assertEquals("not_found", json.json().path("error").path("code").asText(), json.body());
    }

    @Test
    void badPageNumbersAre400PagesNot500() {
        for (String page : List.of("abc", "0", "-1", "1.5", "99999999999", "1001")) {
            Page reply = new Browser().get("/search?q=" + enc("返金") + "&page=" + enc(page));
            assertEquals(400, reply.status(), "page=" + page);
            assertTrue(reply.header("content-type").startsWith("text/html"), page + ": " + reply.header("content-type"));
            assertTrue(reply.body().contains("<html"), page);
            assertTrue(reply.body().contains(Messages.of("ja").text("error.400.title")), page);
        }
        assertEquals(200, new Browser().get("/search?q=" + enc("返金") + "&page=1").status());
        assertEquals(200, new Browser().get("/search?q=" + enc("返金") + "&page=").status());
    }

    // 9. Search page ---------------------------------------------------------------------------------

    @Test
    void searchResultsAreRankedLinksWithFacetsThatNarrow() {
        Page page = new Browser().get("/search?q=" + enc("返金"));
        List<Element> links = page.html().select("a.result-link");
        assertFalse(links.isEmpty());
        List<Integer> ranks = links.stream().map(a -> Integer.parseInt(a.attr("data-rank"))).toList();
        assertEquals(IntStream.rangeClosed(1, links.size()).boxed().toList(), ranks);
        for (Element link : links) {
            assertEquals("/articles/" + link.attr("data-id"), link.attr("href"));
        }
        assertTrue(page.body().contains("class=\"result-link\""));
        long total = resultTotal(page);
        assertTrue(total >= links.size(), total + " < " + links.size());

        Element facet = page.html().selectFirst("section.facet--category");
        assertNotNull(facet, "no category facet");
        Element first = facet.selectFirst("a:not(.facet-clear)");
        assertNotNull(first);
        assertFalse(first.hasAttr("aria-current"), "nothing is selected yet");
        String category = first.ownText().strip();
        long facetCount = Long.parseLong(first.selectFirst(".count").text());
        String href = first.attr("href");
        assertTrue(href.startsWith("/search?") && href.contains("category="), href);

        Page narrowed = new Browser().get(href);
        assertEquals(200, narrowed.status(), href);
        long narrowedTotal = resultTotal(narrowed);
        assertTrue(narrowedTotal <= total, narrowedTotal + " > " + total);
        assertEquals(facetCount, narrowedTotal, "the facet's count is what selecting it shows");
        assertEquals("返金", narrowed.html().getElementById("q").attr("value"), "the query is kept");
        Element selected = narrowed.html().selectFirst("section.facet--category a[aria-current=true]");
        assertNotNull(selected, "the chosen category should be marked");
        assertEquals(category, selected.ownText().strip());
        assertNotNull(narrowed.html().selectFirst("section.facet--category a.facet-clear"));
        // Selecting it again clears it.
        assertEquals(total, resultTotal(new Browser().get(selected.attr("href"))));
        for (Element result : narrowed.html().select("li.result .result-category")) {
            assertEquals(category, result.text());
        }
    }

    @Test
    void aSearchWithNothingInTheVisitorsLanguageShowsOtherLanguagesAndCountsOnce() throws Exception {
        String query = "Refunds";
        assertEquals(0, server.get("/api/v1/search?locale=ja&q=" + enc(query)).json().get("total").asInt(),
                "the check needs a query without Japanese answers");
        Page page = new Browser().get("/search?q=" + enc(query));

        assertEquals(200, page.status());
        assertTrue(page.body().contains("<html lang=\"ja\">"), "the UI stays Japanese");
        assertTrue(page.body().contains("class=\"result\" lang=\"en\""), "English answers are shown");
        assertFalse(page.body().contains("zero-results"));
        // The Japanese-only attempt found nothing, but that is not what the visitor saw: one search, not two.
        Callable<List<JsonNode>> fromPages = () -> {
            List<JsonNode> events = new ArrayList<>();
            for (JsonNode event : server.get("/api/v1/admin/events?type=search&limit=500", KotaeServer.ADMIN_TOKEN)
                    .json().get("events")) {
                if (query.equals(event.path("query").asText()) && "web".equals(event.path("origin").asText())) {
                    events.add(event);
                }
            }
            return events;
        };
        await("the page search is recorded").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(fromPages, events -> !events.isEmpty());
        // A second event, if any, would be in the same queue right behind: there stays one.
        List<JsonNode> recorded = await("one page search is one search event").during(Duration.ofMillis(200))
                .atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(50)).until(fromPages, events -> events.size() == 1);
        assertTrue(recorded.get(0).path("resultCount").asLong() > 0,
                "the recorded search is the one with results: " + recorded.get(0));
    }

    @Test
    void searchPagesPageOnFromRankEleven() {
        Page first = new Browser().get("/search?q=&locale=all");
        assertEquals(200, first.status());
        assertTrue(resultTotal(first) > 10, "the sample should fill more than one page");
        assertEquals(10, first.html().select("a.result-link").size());
        assertNull(first.html().selectFirst("a[rel=prev]"));
        Element next = first.html().selectFirst("a[rel=next]");
        assertNotNull(next, "no rel=next link");
        assertTrue(next.attr("href").contains("page=2"), next.attr("href"));
        assertTrue(next.attr("href").contains("locale=all"), "paging keeps the filters: " + next.attr("href"));

        Page second = new Browser().get(next.attr("href"));
        assertEquals(200, second.status());
        List<Element> links = second.html().select("a.result-link");
        assertFalse(links.isEmpty());
        assertEquals("11", links.get(0).attr("data-rank"));
        assertEquals("11", second.html().selectFirst("ol.result-list").attr("start"));
        assertNotNull(second.html().selectFirst("a[rel=prev]"));
        assertNotNull(second.html().selectFirst(".pagination [aria-current=page]"));
        Set<String> firstIds = first.html().select("a.result-link").stream().map(a -> a.attr("data-id"))
                .collect(Collectors.toSet());
        for (Element link : links) {
            assertFalse(firstIds.contains(link.attr("data-id")), "page 2 repeats " + link.attr("data-id"));
        }
    }

    /** A page past the last one (a link kept from a longer list) says so and leads to the last page. */
    @Test
    void aPagePastTheLastSaysThereAreResultsElsewhere() {
        Page first = new Browser().get("/search?q=&locale=all");
        long total = resultTotal(first);
        long lastPage = (total + 9) / 10;
        Page past = new Browser().get("/search?q=&locale=all&page=" + (lastPage + 3));
        assertEquals(200, past.status());
        assertNull(past.html().selectFirst(".zero-results"), "not \"nothing found\": " + past.body());
        Element toLast = past.html().selectFirst(".past-last-page a.last-page-link");
        assertNotNull(toLast, past.body());
        assertTrue(toLast.attr("href").contains("page=" + lastPage) && toLast.attr("href").contains("locale=all"),
                toLast.attr("href"));
        assertFalse(new Browser().get(toLast.attr("href")).html().select("a.result-link").isEmpty());

        // Filters with nothing in them and no words: the title names no empty query.
        Page none = new Browser().get("/search?category=" + enc("お支払い") + "&tag=" + enc("存在しないタグ"));
        assertEquals(200, none.status());
        assertEquals(Messages.of("ja").text("zero.titleFilters"), none.html().selectFirst("#zero-title").text());
    }

    @Test
    void aCategoryThatDoesNotExistIsSaidToBeMissing() {
        for (String category : List.of("Nope", "社内手順")) { // no such category; one anonymous visitors cannot see
            Page browse = new Browser().get("/search?category=" + enc(category));
            assertEquals(404, browse.status(), category);
            assertTrue(browse.header("content-type").startsWith("text/html"), browse.header("content-type"));
            assertEquals(Messages.of("ja").text("search.unknownCategory", category),
                    browse.html().selectFirst("main h1").text());
            assertFalse(browse.html().select(".zero-results a.category-card").isEmpty(), "the categories there are");
            assertNull(browse.html().selectFirst("a.all-categories-link"), "no words to search for elsewhere");
        }
        // With words, the way on is the same words in every category, which finds them.
        Page search = new Browser().get("/search?q=" + enc("返金") + "&category=Nope&lang=en");
        assertEquals(404, search.status());
        assertEquals(Messages.of("en").text("search.unknownCategory", "Nope"), search.html().selectFirst("main h1").text());
        Element everywhere = search.html().selectFirst(".zero-results a.all-categories-link");
        assertNotNull(everywhere, search.body());
        assertEquals("/search?q=" + enc("返金"), everywhere.attr("href"));
        assertFalse(new Browser().get(everywhere.attr("href")).html().select("a.result-link").isEmpty());
    }

    @Test
    void controlCharactersInASearchAreReadAsSpacesOnThePageAsInTheApi() {
        // Once echoed raw: a U+0000 in <title> and in the search box.
        for (String q : List.of("%00", "%E8%BF%94%E9%87%91%00", "%1B%5B31m", "a%07b%7Fc%C2%85")) {
            Page page = new Browser().get("/search?q=" + q);
            assertEquals(200, page.status(), q);
            assertTrue(page.body().chars().noneMatch(c -> c == 0 || c == 0x1b || c == 0x07 || c == 0x7f || c == 0x85),
                    () -> q + ": " + page.body());
            String typed = java.net.URLDecoder.decode(q, StandardCharsets.UTF_8);
            String expected = typed.replaceAll("\\p{Cntrl}|\u0085", " ").strip();
            assertEquals(expected, page.html().selectFirst("input[name=q]").attr("value"), q);
            // The API searches and echoes the same words.
            KotaeServer.Reply api = server.get("/api/v1/search?q=" + q);
            assertEquals(200, api.status(), api.body());
            assertEquals(expected, api.json().get("query").asText(), q);
        }
        // Words either side of one are both searched: the same as with a space.
        assertEquals(server.get("/api/v1/search?q=%E8%BF%94%E9%87%91%20%E6%99%82%E6%9C%9F").json().get("total"),
                server.get("/api/v1/search?q=%E8%BF%94%E9%87%91%00%E6%99%82%E6%9C%9F").json().get("total"));
    }

    @Test
    void zeroResultsPageHelpsTheVisitorOn() {
        Page page = new Browser().get("/search?q=zzzzqqqxxy");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("zero-results"));
        assertTrue(page.html().select("a.result-link").isEmpty());
        assertNotNull(page.html().selectFirst(".zero-results .tips"));
        // No site.contactUrl here, and the contact page is on (the default): the way on is the contact page.
        Element contact = page.html().selectFirst(".zero-results a.contact-link");
        assertNotNull(contact, page.body());
        assertEquals("/contact", contact.attr("href"));
    }

    @Test
    void aCategoryPageIsTitledByItsCategory() {
        Element card = new Browser().get("/").html().selectFirst("a.category-card");
        assertNotNull(card, "no category on the home page");
        String category = card.selectFirst(".category-name").text();
        Document page = new Browser().get(card.attr("href")).html();
        assertEquals(category, page.selectFirst("main h1").text());
        assertTrue(page.title().startsWith(category + " | "), page.title());
        // With words as well, it is their results page, as before.
        Document search = new Browser().get(card.attr("href") + "&q=" + enc("返金")).html();
        assertEquals(Messages.of("ja").text("search.title", "返金"), search.selectFirst("main h1").text());
    }

    // 10. Assets -------------------------------------------------------------------------------------

    @Test
    void assetsAreServedWithTheirTypesAndCachedForeverOnlyAtTheirVersion() {
        Page home = new Browser().get("/");
        Matcher version = Pattern.compile("/assets/kotae\\.js\\?v=([A-Za-z0-9]+)").matcher(home.body());
        assertTrue(version.find(), "no versioned script link");
        String v = version.group(1);
        assertTrue(home.body().contains("/assets/kotae.css?v=" + v));

        Map<String, String> types = Map.of("kotae.js", "text/javascript", "kotae.css", "text/css");
        for (Map.Entry<String, String> asset : types.entrySet()) {
            Page plain = new Browser().get("/assets/" + asset.getKey(), "Accept", "*/*");
            assertEquals(200, plain.status(), asset.getKey());
            assertTrue(plain.header("content-type").startsWith(asset.getValue()), plain.header("content-type"));
            assertFalse(plain.body().isEmpty());
            assertFalse(plain.header("cache-control").contains("immutable"), plain.header("cache-control"));

            Page versioned = new Browser().get("/assets/" + asset.getKey() + "?v=" + v, "Accept", "*/*");
            assertEquals(200, versioned.status());
            assertEquals(plain.body(), versioned.body());
            assertTrue(versioned.header("cache-control").contains("immutable"), versioned.header("cache-control"));
            assertTrue(versioned.header("cache-control").contains("max-age="), versioned.header("cache-control"));

            Page stale = new Browser().get("/assets/" + asset.getKey() + "?v=000000000000", "Accept", "*/*");
            assertFalse(stale.header("cache-control").contains("immutable"), "a made-up version is not forever");
        }
        for (String missing : List.of("/assets/other.js", "/assets/kotae.js.map", "/assets/KOTAE.JS")) {
            Page page = new Browser().get(missing, "Accept", "*/*");
            assertEquals(404, page.status(), missing);
        }
        assertNotEquals(200, new Browser().get("/assets/..%2Fkotae.js", "Accept", "*/*").status());
    }

    // Helpers ----------------------------------------------------------------------------------------

    private void assertNoInternalContent(Page page, String what) {
        for (Map.Entry<String, String> internal : internalTitles.entrySet()) {
            assertFalse(page.body().contains("/articles/" + internal.getKey() + "\""), what + " links " + internal);
            assertFalse(page.body().contains(internal.getValue()), what + " shows " + internal);
        }
        for (String category : internalCategories) {
            assertFalse(page.body().contains(category), what + " shows internal category " + category);
        }
        assertFalse(page.body().contains("badge--internal"), what);
        assertFalse(resultIds(page).contains(PLAYBOOK), what);
    }

    private static void assertForbiddenPage(Page page) {
        assertEquals(403, page.status(), page.body());
        assertTrue(page.header("content-type").startsWith("text/html"), page.header("content-type"));
        assertTrue(page.body().contains("<html"));
        assertTrue(page.body().contains(Messages.of("ja").text("error.form.title")), page.body());
        assertNull(page.cookie(BrowserCookies.SESSION), "no session on a refused form");
    }

    /** The search input's raw value attribute, decoded, is the whole query (so no quote broke out of it). */
    private static void assertSearchInputHolds(String body, String query) {
        Matcher input = Pattern.compile("<input id=\"q\"[^>]*?\\svalue=\"([^\"]*)\"").matcher(body);
        assertTrue(input.find(), "no search input");
        String raw = input.group(1);
        // Inside a double-quoted attribute only '"' (and '&') matter; '<' and "'" escaped too is belt and braces.
        assertFalse(raw.contains("<") || raw.contains("'"), "unescaped in the attribute: " + raw);
        assertEquals(query, Parser.unescapeEntities(raw, true));
    }

    private static List<String> resultIds(Page page) {
        return page.html().select("a.result-link").stream().map(a -> a.attr("data-id")).toList();
    }

    /** The total in the result count line, wherever the page's language puts it. */
    private static long resultTotal(Page page) {
        Element count = page.html().selectFirst("p.result-count");
        assertNotNull(count, "no result count");
        String lang = page.html().selectFirst("html").attr("lang");
        String template = Messages.of(lang).text("search.countRange");
        List<Integer> order = IntStream.rangeClosed(0, 2).boxed()
                .sorted(Comparator.comparingInt(i -> template.indexOf("{" + i + "}"))).toList();
        List<Long> numbers = new ArrayList<>();
        Matcher digits = Pattern.compile("\\d+").matcher(count.text());
        while (digits.find()) {
            numbers.add(Long.parseLong(digits.group()));
        }
        assertEquals(3, numbers.size(), count.text());
        return numbers.get(order.indexOf(0));
    }

    private long feedbackCount() {
        return server.get("/api/v1/admin/status", KotaeServer.ADMIN_TOKEN).json().path("feedback").path("count")
                .asLong(-1);
    }

    private static List<String> sitemapLocs(String xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        org.w3c.dom.Document document = factory.newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("urlset", document.getDocumentElement().getLocalName());
        assertEquals("http://www.sitemaps.org/schemas/sitemap/0.9", document.getDocumentElement().getNamespaceURI());
        NodeList locs = document.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < locs.getLength(); i++) {
            urls.add(locs.item(i).getTextContent().strip());
        }
        return urls;
    }

    private Browser signedInAgent() {
        Browser browser = new Browser();
        String csrf = formCsrf(browser.get("/login"));
        Page signedIn = browser.post("/login", Map.of("csrf", csrf, "token", KotaeServer.AGENT_TOKEN, "next", "/"));
        assertEquals(303, signedIn.status(), signedIn.body());
        assertNotNull(browser.cookies.get(BrowserCookies.SESSION));
        return browser;
    }

    private static String metaCsrf(Page page) {
        Element meta = page.html().selectFirst("meta[name=kotae-csrf]");
        assertNotNull(meta, "no kotae-csrf meta");
        return meta.attr("content");
    }

    private static String formCsrf(Page page) {
        Element input = page.html().selectFirst("form input[type=hidden][name=csrf]");
        assertNotNull(input, "no form with a csrf field");
        return input.attr("value");
    }

    /** A Location header as a path on this server ({@code /x}), whether sent relative or absolute. */
    private String local(String location) {
        assertFalse(location.isEmpty(), "no Location");
        return location.startsWith(base + "/") ? location.substring(base.length()) : location;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A cookie the server set, with its attributes (names in lower case). */
    record SetCookie(String name, String value, Map<String, String> attributes, String raw) {
        static SetCookie parse(String header) {
            String[] parts = header.split(";");
            int equals = parts[0].indexOf('=');
            String value = parts[0].substring(equals + 1).strip();
            if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                value = value.substring(1, value.length() - 1);
            }
            Map<String, String> attributes = new LinkedHashMap<>();
            for (int i = 1; i < parts.length; i++) {
                String part = parts[i].strip();
                int eq = part.indexOf('=');
                attributes.put((eq < 0 ? part : part.substring(0, eq)).strip().toLowerCase(Locale.ROOT),
                        eq < 0 ? "" : part.substring(eq + 1).strip());
            }
            return new SetCookie(parts[0].substring(0, equals).strip(), value, attributes, header);
        }

        boolean has(String attribute) {
            return attributes.containsKey(attribute);
        }

        String attribute(String name) {
            return attributes.getOrDefault(name, "");
        }
    }

    /** One response: status, headers, body and the cookies it set. */
    record Page(int status, java.net.http.HttpHeaders headers, String body, List<SetCookie> setCookies) {
        String header(String name) {
            return String.join(", ", headers.allValues(name));
        }

        SetCookie cookie(String name) {
            SetCookie found = null;
            for (SetCookie cookie : setCookies) {
                if (cookie.name().equals(name)) {
                    found = cookie;
                }
            }
            return found;
        }

        Document html() {
            return Jsoup.parse(body);
        }

        JsonNode json() {
            try {
                return KotaeServer.JSON.readTree(body);
            } catch (IOException e) {
                throw new AssertionError("not JSON (" + status + "): " + body, e);
            }
        }
    }

    /** A browser: a cookie jar, browser-like Accept, no redirects followed. */
    final class Browser {
        final Map<String, String> cookies = new LinkedHashMap<>();

        Page get(String path, String... headers) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
        }

        Page post(String path, Map<String, String> form, String... headers) {
            String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                    .collect(Collectors.joining("&"));
            return send(HttpRequest.newBuilder(URI.create(base + path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), headers);
        }

        Page postJson(String path, String json, String... headers) {
            return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8)), headers);
        }

        private Page send(HttpRequest.Builder request, String... headers) {
            Map<String, String> all = new LinkedHashMap<>();
            all.put("Accept", BROWSER_ACCEPT);
            for (int i = 0; i < headers.length; i += 2) {
                all.put(headers[i], headers[i + 1]);
            }
            all.forEach(request::header);
            if (!cookies.isEmpty()) {
                request.header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(Collectors.joining("; ")));
            }
            try {
                HttpResponse<String> response = client.send(request.timeout(Duration.ofSeconds(30)).build(),
                        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                List<SetCookie> set = response.headers().allValues("set-cookie").stream().map(SetCookie::parse).toList();
                for (SetCookie cookie : set) {
                    if (cookie.value().isEmpty() || "0".equals(cookie.attribute("max-age"))) {
                        cookies.remove(cookie.name());
                    } else {
                        cookies.put(cookie.name(), cookie.value());
                    }
                }
                assertNotEquals(500, response.statusCode(), () -> request.build().uri() + ": " + response.body());
                return new Page(response.statusCode(), response.headers(), response.body(), set);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
