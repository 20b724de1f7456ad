package dev.kotae.web;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;

/**
 * Refuses every request under {@code /api/v1/admin} from a caller without the admin role before its
 * resource is called, so nothing of the request, its body least of all, is read for a caller who may not
 * make it: 401 for an anonymous caller, 403 for a signed-in one of a lesser role, as
 * {@link AdminResource#requireAdmin} answers. The resources still ask for the admin themselves, as they need
 * the caller; this filter puts the check before Jersey reads a body (a malformed one would otherwise be
 * answered 400 to anyone, a stalled one held for the idle timeout).
 */
@Priority(Priorities.AUTHORIZATION)
final class AdminRoutes implements ContainerRequestFilter {

    /** The admin API's root, relative to the application as {@code UriInfo.getPath} gives it. */
    static final String ROOT = "api/v1/admin";

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath(); // decoded, as the resources are matched
        String relative = path.startsWith("/") ? path.substring(1) : path;
        if (relative.equals(ROOT) || relative.startsWith(ROOT + "/")) {
            AdminResource.requireAdmin(request.getSecurityContext());
        }
    }
}
