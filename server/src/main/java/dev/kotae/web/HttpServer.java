package dev.kotae.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.analytics.AnalyticsReports;
import dev.kotae.analytics.ClickLedger;
import dev.kotae.analytics.EventThrottle;
import dev.kotae.analytics.EventBus;
import dev.kotae.analytics.PageViews;
import dev.kotae.editing.EditorService;
import dev.kotae.auth.AgentSessions;
import dev.kotae.editing.ImageStore;
import dev.kotae.feedback.Votes;
import dev.kotae.http.CsrfTokens;
import dev.kotae.http.JsonMapper;
import dev.kotae.plugins.Widgets;
import dev.kotae.search.TrackedSearch;
import dev.kotae.site.Site;
import dev.kotae.analytics.RecentEvents;
import dev.kotae.config.EditorConfig;
import dev.kotae.config.ServerConfig;
import dev.kotae.auth.PasswordSignIn;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.feedback.FeedbackStore;
import dev.kotae.metrics.KotaeMetrics;
import dev.kotae.search.ArticleService;
import dev.kotae.search.CategoryService;
import dev.kotae.search.SearchService;
import dev.kotae.search.SuggestService;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.glassfish.hk2.utilities.binding.AbstractBinder;
import org.glassfish.jersey.jackson.JacksonFeature;
import org.glassfish.jersey.server.ResourceConfig;
import org.glassfish.jersey.server.ServerProperties;

/**
 * The HTTP front: Jetty with a bounded thread pool, Jersey resources on top, JSON everywhere (errors
 * included). All wiring of resources to services happens here, through one HK2 binder.
 */
public final class HttpServer implements AutoCloseable {

    /** The services the resources call. */
    public record Services(SearchService search, SuggestService suggest, ArticleService articles,
            CategoryService categories, FeedbackStore feedback, TokenAuthenticator authenticator, Admin admin,
            Readiness readiness, KotaeMetrics metrics, EventBus events, RecentEvents recentEvents, Widgets widgets,
            TrackedSearch trackedSearch, Votes votes, PageViews pageViews, AgentSessions agentSessions, Site site,
            AnalyticsReports analytics, EventThrottle eventThrottle, ClickLedger clicks, EditorService editor,
            PasswordSignIn passwordSignIn, ImageStore images) {}

    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 4;

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param searchConcurrency how many searching requests run at once ({@link SearchAdmission}); the
     *     others wait their turn
     * @param callers what is accepted from callers: the request body limit and the trusted proxies
     * @param editing the image upload limit
     */
    public HttpServer(String host, int port, int searchConcurrency, ServerConfig callers, EditorConfig editing,
            Services services) {
        QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, MIN_THREADS);
        threads.setName("kotae-http");
        server = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        http.setRequestHeaderSize(16 * 1024);
        // Behind a TLS-terminating proxy, X-Forwarded-Proto/Host make links and Secure cookies right; only a
        // configured proxy is believed, or any caller could claim another client's address or origin.
        http.addCustomizer(new TrustedProxyHeaders(callers.trustedProxies()));
        connector = new ServerConnector(server, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        // In front of Jersey's servlet, which answers an unparsable Content-Type itself with an empty 400.
        context.addFilter(new FilterHolder(new MediaTypeHeaders.Unparsable()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("api", new StrictEncodingFilter.Container(resources(services))), "/*");
        // Outermost, so no body beyond the limit is read by anything: a declared Content-Length over it is
        // answered 413 before the request goes on, and a body without one is cut off once it passes it.
        server.setHandler(new RequestBodyLimit(callers.maxRequestBodyBytes(), editing.maxImageBytes(),
                services.agentSessions(), SearchAdmission.around(context, searchConcurrency, services.metrics())));
        server.setErrorHandler(new JettyErrorHandler());
    }

    private static ResourceConfig resources(Services services) {
        ResourceConfig config = new ResourceConfig();
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(JsonMapperResolver.class);
        config.register(HotJsonWriter.Search.class);
        config.register(HotJsonWriter.Suggest.class);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // Resources are @Singleton: they hold only services, and HK2 building one per request was a
        // measurable share of a cheap request's CPU.
        config.register(SearchResource.class);
        config.register(ArticleResource.class);
        config.register(CategoryResource.class);
        config.register(AdminResource.class);
        config.register(OpsResource.class);
        config.register(EventResource.class);
        config.register(AnalyticsResource.class);
        config.register(WidgetResource.class);
        config.register(WidgetAssetResource.class);
        config.register(DraftResource.class);
        config.register(ArticleCreateResource.class);
        config.register(ArticleWriteResource.class);
        config.register(ArticleHistoryResource.class);
        config.register(MediaResource.class);
        config.register(MediaFileResource.class);
        config.register(AuditResource.class);
        Site.RESOURCES.forEach(config::register);
        config.register(CorsFilter.class);
        config.register(StrictEncodingFilter.class);
        config.register(MediaTypeHeaders.class);
        config.register(MediaTypeHeaders.Declared.class);
        config.register(AuthFilter.class);
        config.register(SecurityHeaders.class);
        config.register(ErrorMappers.InvalidRequest.class);
        config.register(ErrorMappers.BadJson.class);
        config.register(ErrorMappers.Web.class);
        config.register(EditErrorMappers.Conflict.class);
        config.register(EditErrorMappers.NotAllowed.class);
        config.register(EditErrorMappers.Rejected.class);
        config.register(ErrorMappers.Unexpected.class);
        config.register(AnalyticsUnavailable.class);
        config.register(AnalyticsUnavailable.Votes.class);
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                bind(services.search()).to(SearchService.class);
                bind(services.suggest()).to(SuggestService.class);
                bind(services.articles()).to(ArticleService.class);
                bind(services.categories()).to(CategoryService.class);
                bind(services.feedback()).to(FeedbackStore.class);
                bind(services.authenticator()).to(TokenAuthenticator.class);
                bind(services.passwordSignIn()).to(PasswordSignIn.class);
                bind(services.admin()).to(Admin.class);
                bind(services.readiness()).to(Readiness.class);
                bind(services.metrics()).to(KotaeMetrics.class);
                bind(services.events()).to(EventBus.class);
                bind(services.recentEvents()).to(RecentEvents.class);
                bind(services.widgets()).to(Widgets.class);
                bind(services.trackedSearch()).to(TrackedSearch.class);
                bind(services.votes()).to(Votes.class);
                bind(services.pageViews()).to(PageViews.class);
                bind(services.agentSessions()).to(AgentSessions.class);
                bind(services.site().csrf()).to(CsrfTokens.class);
                bind(services.site()).to(Site.class);
                bind(services.analytics()).to(AnalyticsReports.class);
                bind(services.eventThrottle()).to(EventThrottle.class);
                bind(services.clicks()).to(ClickLedger.class);
                bind(services.images()).to(ImageStore.class);
                bind(services.editor()).to(EditorService.class);
            }
        });
        return config;
    }

    /**
     * Hands Jersey our mapper. A class, not a lambda: Jersey finds a resolver's type from its generic
     * interface, which a lambda does not carry, and would silently fall back to its default mapper.
     */
    public static final class JsonMapperResolver implements ContextResolver<ObjectMapper> {
        @Override
        public ObjectMapper getContext(Class<?> type) {
            return JsonMapper.INSTANCE;
        }
    }

    public void start() throws Exception {
        server.start();
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return connector.getLocalPort();
    }

    public URI uri(String host) {
        String shown = host == null || host.equals("0.0.0.0") ? "localhost" : host;
        return URI.create("http://" + shown + ":" + port() + "/");
    }

    @Override
    public void close() throws Exception {
        server.stop();
    }
}
