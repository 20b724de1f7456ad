package dev.kotae.web;

import dev.kotae.http.Callers;
import dev.kotae.search.Audience;
import dev.kotae.search.CategoryService;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.IOException;
import java.util.List;

/** {@code /api/v1/categories}: categories with the caller's visible article counts. */
@Path("/api/v1/categories")
@Produces(MediaType.APPLICATION_JSON)
public final class CategoryResource {

    /** The response body. */
    public record Categories(String locale, List<CategoryService.Category> categories) {}

    private final CategoryService categories;

    public CategoryResource(CategoryService categories) {
        this.categories = categories;
    }

    @GET
    public Categories list(@QueryParam("locale") String locale, @Context SecurityContext security) throws IOException {
        String requested = Params.optional(locale);
        return new Categories(requested, categories.categories(requested, Audience.of(Callers.caller(security))));
    }
}
