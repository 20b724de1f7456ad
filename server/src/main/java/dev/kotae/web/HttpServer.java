package dev.kotae.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.content.ImageSources;
import dev.kotae.auth.AgentSessions;
import dev.kotae.http.CsrfTokens;
import dev.kotae.http.JsonMapper;
import dev.kotae.config.EditorConfig;
import dev.kotae.config.ServerConfig;
import dev.kotae.auth.TokenAuthenticator;
import dev.kotae.metrics.KotaeMetrics;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.servlet.DispatcherType;
import java.net.URI;
import java.util.EnumSet;
import java.util.List;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Handler;
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
 * The HTTP front: Jetty with a bounded thread pool, Jersey on top, JSON everywhere (errors included).
 * The resources come built, one instance each, with the services they call as constructor arguments;
 * what Jersey injects is only what belongs to a request ({@code @Context} parameters and proxies).
 */
public final class HttpServer implements AutoCloseable {

    /** What tells who a caller is: API tokens, agent sessions and the form tokens that go with them. */
    public record Authentication(TokenAuthenticator tokens, AgentSessions sessions, CsrfTokens csrf) {}

    private static final int MAX_THREADS = 64;
    private static final int MIN_THREADS = 4;
    private static final int RESPONSE_BUFFER_BYTES = 64 * 1024;

    private final Server server;
    private final ServerConnector connector;

    /**
     * @param searchConcurrency how many searching requests run at once ({@link SearchAdmission}); the
     *     others wait their turn
     * @param callers what is accepted from callers: the request body limit and the trusted proxies
     * @param editing the image upload limit
     * @param pageImages where pages show images from besides this server: their security policy allows them
     * @param resources the resources (classes with {@code @Path}), one instance of each for every request
     * @param providers the filters and exception mappers that go with them, one instance of each
     */
    public HttpServer(String host, int port, int searchConcurrency, ServerConfig callers, EditorConfig editing,
            ImageSources pageImages, Authentication authentication, KotaeMetrics metrics, List<?> resources, List<?> providers) {
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
        connector.setIdleTimeout(callers.idleTimeoutSeconds() * 1000L);
        server.addConnector(connector);

        ServletContextHandler context = new ServletContextHandler("/");
        // In front of Jersey's servlet, which answers an unparsable Content-Type itself with an empty 400.
        context.addFilter(new FilterHolder(new MediaTypeHeaders.Unparsable()), "/*", EnumSet.of(DispatcherType.REQUEST));
        context.addServlet(new ServletHolder("api", new StrictEncodingFilter.Container(application(authentication, pageImages, resources, providers))), "/*");
        // Anonymous searches and suggestions are answered before the servlet layer (HotReads), still in line
        // for the cores; every other request goes on to Jersey.
        Handler answering = resources.stream().filter(SearchResource.class::isInstance).findFirst()
                .<Handler>map(search -> new HotReads(context, (SearchResource) search, metrics)).orElse(context);
        // Outermost, so no body beyond the limit is read by anything: a declared Content-Length over it is
        // answered 413 before the request goes on, and a body without one is cut off once it passes it.
        server.setHandler(new RequestBodyLimit(callers.maxRequestBodyBytes(), editing.maxImageBytes(),
                authentication.sessions(),
                new UnreadBodyCloses(SearchAdmission.around(answering, searchConcurrency, metrics))));
        server.setErrorHandler(new JettyErrorHandler());
    }

    private static ResourceConfig application(Authentication authentication, ImageSources pageImages, List<?> resources,
            List<?> providers) {
        ResourceConfig config = new ResourceConfig();
        config.register(JacksonFeature.withoutExceptionMappers());
        config.register(JsonMapperResolver.class);
        config.register(HotJsonWriter.Search.class);
        config.register(HotJsonWriter.Suggest.class);
        config.property(ServerProperties.WADL_FEATURE_DISABLE, true);
        config.property(ServerProperties.RESPONSE_SET_STATUS_OVER_SEND_ERROR, true);
        // An answer up to this size is sent at once with its Content-Length; a larger one in chunks. Jersey's
        // default, 8 KB, sent most pages of search results (the bench's: 8.7 KB on average) in chunks and
        // several writes.
        config.property(ServerProperties.OUTBOUND_CONTENT_LENGTH_BUFFER, RESPONSE_BUFFER_BYTES);
        // One instance of each resource serves every request: it holds only services (and building one per
        // request would cost a cheap request's CPU). Registered as its class with the instance bound to it,
        // because Jersey warns of every resource registered as an instance (jersey#3700) though it serves it.
        resources.forEach(resource -> config.register(resource.getClass()));
        config.register(new AbstractBinder() {
            @Override
            protected void configure() {
                resources.forEach(resource -> bindToItsClass(this, resource));
            }
        });
        providers.forEach(config::register);
        config.register(CorsFilter.class);
        config.register(StrictEncodingFilter.class);
        config.register(MediaTypeHeaders.class);
        config.register(MediaTypeHeaders.Declared.class);
        config.register(new AuthFilter(authentication.tokens(), authentication.sessions(), authentication.csrf()));
        config.register(AdminRoutes.class);
        config.register(new SecurityHeaders(pageImages));
        config.register(ErrorMappers.InvalidRequest.class);
        config.register(ErrorMappers.BadJson.class);
        config.register(ErrorMappers.Web.class);
        config.register(EditErrorMappers.Conflict.class);
        config.register(EditErrorMappers.NotAllowed.class);
        config.register(EditErrorMappers.Rejected.class);
        config.register(ErrorMappers.Unexpected.class);
        config.register(AnalyticsUnavailable.class);
        config.register(AnalyticsUnavailable.Votes.class);
        return config;
    }

    @SuppressWarnings("unchecked") // an object is an instance of its own class
    private static <T> void bindToItsClass(AbstractBinder binder, T resource) {
        binder.bind(resource).to((Class<T>) resource.getClass());
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
