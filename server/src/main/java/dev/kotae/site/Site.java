package dev.kotae.site;

import dev.kotae.auth.AgentSessions;
import dev.kotae.auth.Caller;
import dev.kotae.config.SiteConfig;
import dev.kotae.content.ImageSources;
import dev.kotae.http.BrowserCookies;
import dev.kotae.http.CsrfTokens;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

/**
 * The help-center site's shared parts: its settings, templates, assets and the security pieces every
 * page uses (form tokens, cookies, agent sessions), and the one way a page is put together.
 */
public final class Site {

    private static final Duration LANGUAGE_COOKIE_AGE = Duration.ofDays(365);
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Site.class);

    private final SiteConfig config;
    private final String defaultLocale;
    private final CsrfTokens csrf;
    private final BrowserCookies cookies;
    private final AgentSessions sessions;
    private final Templates templates = new Templates();
    private final AssetBundle assets = AssetBundle.load();
    private final ImageSources imageSources;

    public Site(SiteConfig config, String defaultLocale, CsrfTokens csrf, AgentSessions sessions) {
        if (config.baseUrl() == null) {
            LOG.warn("site.baseUrl is not set: canonical links, the sitemap and robots.txt use the address each request"
                    + " names (its Host), so they are not publicly cacheable. Set site.baseUrl (KOTAE_SITE_BASE_URL)"
                    + " to the help center's public address, e.g. https://help.example.com");
        }
        this.config = config;
        this.defaultLocale = defaultLocale;
        this.csrf = csrf;
        this.cookies = new BrowserCookies(config.secureCookies());
        this.sessions = sessions;
        this.imageSources = config.imageSources(); // with the base URL's origin: worked out once
    }

    /** What every page relies on, to serve beside the pages: their cookies, error pages and 404 page. */
    public List<Object> providers() {
        return List.of(new SiteCookieFilter(this), new PageErrors(this), new PageNotFound(this));
    }

    public CsrfTokens csrf() {
        return csrf;
    }

    public BrowserCookies cookies() {
        return cookies;
    }

    AgentSessions sessions() {
        return sessions;
    }

    /** Where articles' images may be shown from besides the help center (its pages' policy allows them). */
    public ImageSources imageSources() {
        return imageSources;
    }

    SiteConfig config() {
        return config;
    }

    /** The help center's time zone, in which its pages show and read times (UTC when none is configured). */
    public java.time.ZoneId zone() {
        return config.timeZone() != null ? config.timeZone() : java.time.ZoneOffset.UTC;
    }

    AssetBundle assets() {
        return assets;
    }

    /** The UI language of this request; an explicit {@code ?lang=} is remembered in a cookie. */
    String language(ContainerRequestContext request) {
        String requested = UiLanguage.supported(request.getUriInfo().getQueryParameters().getFirst("lang"));
        String remembered = BrowserCookies.value(request, BrowserCookies.LANGUAGE);
        if (requested != null && !requested.equals(remembered)) {
            SiteCookieFilter.set(request,
                    cookies.cookie(request, BrowserCookies.LANGUAGE, requested, LANGUAGE_COOKIE_AGE, true));
        }
        return UiLanguage.choose(requested, remembered, acceptableLanguages(request), defaultLocale);
    }

    /**
     * The browser's {@code Accept-Language} ranges with their weights ({@code q=0} ones too: JAX-RS's
     * {@code getAcceptableLanguages} drops the weights, so a refused language looked acceptable), or none
     * when the header is absent or does not parse ({@code en;q=2}): a page is then shown in the default
     * language rather than failing.
     */
    private static List<java.util.Locale.LanguageRange> acceptableLanguages(ContainerRequestContext request) {
        String header = request.getHeaderString(jakarta.ws.rs.core.HttpHeaders.ACCEPT_LANGUAGE);
        if (header == null || header.isBlank()) {
            return List.of();
        }
        try {
            return java.util.Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The layout context of a page for this request and caller. */
    PageContext context(ContainerRequestContext request, Caller caller, String query, PageContext.PageMeta meta) {
        String lang = language(request);
        Messages messages = Messages.of(lang);
        String other = UiLanguage.other(lang);
        URI switchTo = request.getUriInfo().getRequestUriBuilder().replaceQueryParam("lang", other).build();
        String switchUrl = switchTo.getRawPath() + (switchTo.getRawQuery() == null ? "" : "?" + switchTo.getRawQuery());
        String name = config.name() != null ? config.name() : messages.text("site.name");
        // Error pages for unmatched paths run without the cookie filter: they have no forms to protect.
        String binding = (String) request.getProperty(SiteCookieFilter.CSRF_BINDING);
        String token = binding == null ? "" : csrf.token(binding, BrowserCookies.value(request, BrowserCookies.SESSION));
        return new PageContext(lang, messages, name, token, caller.isAnonymous() ? null : caller.name(), other,
                switchUrl, assets.version(), config.contactUrl(), query, meta, caller.canEdit());
    }

    /** A rendered page. */
    Response page(int status, String template, PageContext page, String modelName, Object model) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(templates.render(template, page, modelName, model)).build();
    }

    /** The error page of a status, in the visitor's language. */
    Response error(ContainerRequestContext request, Caller caller, int status) {
        return error(request, caller, new PageException(status));
    }

    /**
     * The error page for {@code refusal}: its title and explanation (message keys), or the status's usual
     * ones, and a link to sign in when it offers one.
     */
    Response error(ContainerRequestContext request, Caller caller, PageException refusal) {
        int status = refusal.getResponse().getStatus();
        int shown = status == 404 || status == 403 || status == 400 ? status : 500;
        Messages messages = Messages.of(language(request));
        String titleKey = refusal.titleKey() != null ? refusal.titleKey() : "error." + shown + ".title";
        PageContext page = context(request, caller, null,
                new PageContext.PageMeta(messages.text(titleKey), null, null, false, "page-error"));
        String text = refusal.textKey() != null ? messages.text(refusal.textKey())
                : shown == 400 ? null : messages.text("error." + shown + ".text");
        String signIn = refusal.signInNext() == null ? null
                : "/login?next=" + URLEncoder.encode(SignInPages.safeNext(refusal.signInNext()), StandardCharsets.UTF_8);
        return page(status, "error.jte", page, "error", new Pages.ErrorPage(text, signIn));
    }

    /**
     * Refuses a form post not made by one of our pages in this browser: the token must match this
     * browser's CSRF cookie and session, and a browser-sent {@code Origin} must be this server.
     */
    void checkForm(ContainerRequestContext request, String token) {
        String origin = request.getHeaderString("Origin");
        if (origin != null && !origin.equals(origin(request.getUriInfo()))) {
            throw PageException.formRefused();
        }
        if (!csrf.valid(BrowserCookies.value(request, BrowserCookies.CSRF),
                BrowserCookies.value(request, BrowserCookies.SESSION), token)) {
            throw PageException.formRefused();
        }
    }

    /**
     * The page a form was sent from, as a path on this site: its {@code Referer} when that is this
     * server (the pages' {@code Referrer-Policy} sends the full address within the site), else
     * {@code null}. Where to come back to after signing in again.
     */
    String formPage(ContainerRequestContext request) {
        String referer = request.getHeaderString("Referer");
        if (referer == null) {
            return null;
        }
        try {
            URI from = new URI(referer);
            if (from.getScheme() == null || from.getRawAuthority() == null
                    || !(from.getScheme() + "://" + from.getRawAuthority()).equals(origin(request.getUriInfo()))) {
                return null;
            }
            String path = (from.getRawPath() == null || from.getRawPath().isEmpty() ? "/" : from.getRawPath())
                    + (from.getRawQuery() == null ? "" : "?" + from.getRawQuery());
            String next = SignInPages.safeNext(path);
            return next.equals(path) ? next : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /**
     * The public address pages are reached at, which every absolute URL the site writes starts with
     * (canonical links, the sitemap, robots.txt, JSON-LD): {@code site.baseUrl}, else the scheme and
     * {@code Host} of this request (as a trusted proxy reported them, {@code server.trustedProxies}), which
     * the caller chooses, so nothing built from it may be shared between callers.
     */
    String baseUrl(UriInfo uri) {
        return config.baseUrl() != null ? config.baseUrl().toString() : origin(uri);
    }

    /** Whether {@code site.baseUrl} is set, so absolute URLs are the same whoever asks. */
    boolean hasBaseUrl() {
        return config.baseUrl() != null;
    }

    String absolute(UriInfo uri, String path) {
        return baseUrl(uri) + path;
    }

    private static String origin(UriInfo uri) {
        URI base = uri.getBaseUri();
        return base.getScheme() + "://" + base.getRawAuthority();
    }
}
