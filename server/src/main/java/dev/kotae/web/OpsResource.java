package dev.kotae.web;

import dev.kotae.http.ApiError;
import dev.kotae.http.ApiException;
import dev.kotae.http.Callers;
import dev.kotae.metrics.KotaeMetrics;
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
public final class OpsResource {

    private final Readiness readiness;
    private final KotaeMetrics metrics;

    public OpsResource(Readiness readiness, KotaeMetrics metrics) {
        this.readiness = readiness;
        this.metrics = metrics;
    }

    /**
     * Liveness: 200 while the process answers. A degraded part is named (with its reason for an admin
     * token) but is no cause for a restart: the index and the content folder recover on their own.
     */
    @GET
    @Path("healthz")
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> health(@Context SecurityContext security) {
        return withDegraded("ok", security);
    }

    /**
     * Readiness: 503 until the index is built and every plugin content source has been loaded once; then 200, also while degraded (the server answers from its
     * last index, which is better than no replica; the body and {@code kotae_degraded} make it visible).
     */
    @GET
    @Path("readyz")
    @Produces(MediaType.APPLICATION_JSON)
    public Response ready(@Context SecurityContext security) {
        return readiness.isReady()
                ? Response.ok(withDegraded("ready", security)).build()
                : ApiError.response(503, "unavailable", "waiting for " + String.join(" and ", readiness.waitingFor()));
    }

    /**
     * {@code {"status": well}}, or {@code {"status": "degraded", "degraded": {part: reason}}}. The reasons
     * (exception texts, file paths of the server) are for an admin token only; anyone else, a load
     * balancer's probe included, learns which part is degraded and nothing more.
     */
    private Map<String, Object> withDegraded(String well, SecurityContext security) {
        Map<String, String> degraded = readiness.degraded();
        if (degraded.isEmpty()) {
            return Map.of("status", well);
        }
        Map<String, String> shown = new java.util.TreeMap<>(degraded);
        if (!Callers.caller(security).isAdmin()) {
            shown.replaceAll((part, reason) -> "degraded (details in /api/v1/admin/status)");
        }
        return Map.of("status", "degraded", "degraded", shown);
    }

    /**
     * Prometheus metrics. Anyone may read them, but the series about content (article counts and the
     * like, which include internal articles) only come with an admin token
     * ({@code Authorization: Bearer}, as a Prometheus scrape job can send).
     */
    @GET
    @Path("metrics")
    public Response metrics(@Context SecurityContext security) {
        boolean admin = Callers.caller(security).isAdmin();
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
