package dev.kotae.web;

import dev.kotae.metrics.KotaeMetrics;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.InputStream;
import java.util.Map;

/** Liveness, readiness, Prometheus metrics and the OpenAPI description. */
@Path("/")
@Singleton
public final class OpsResource {

    private final Readiness readiness;
    private final KotaeMetrics metrics;

    @Inject
    public OpsResource(Readiness readiness, KotaeMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    @GET
    @Path("healthz")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, String> health() {
        return Map.of("status", "ok");
    }

    @GET
    @Path("readyz")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready() {
        return readiness.isReady()
                ? Response.ok(Map.of("status", "ready")).build()
                : ApiError.response(503, "unavailable", "the index is still being built");
    }

    /**
     * Prometheus metrics. Anyone may read them, but the series about content (article counts and the
     * like, which include internal articles) only come with an admin token
     * ({@code Authorization: Bearer}, as a Prometheus scrape job can send).
     */
    @GET
    @Path("metrics")
    public Response metrics(@Context SecurityContext security) {
        boolean admin = AuthFilter.caller(security).isAdmin();
        StreamingOutput body = out -> metrics.write(out, admin);
        return Response.ok(body, KotaeMetrics.contentType()).build();
    }

    @GET
    @Path("api/openapi.yaml")
    public Response openApi() {
        InputStream spec = OpsResource.class.getResourceAsStream("/openapi.yaml");
        if (spec == null) {
            throw ApiException.notFound("OpenAPI description");
        }
        return Response.ok(spec, "application/yaml; charset=utf-8").build();
    }
}
