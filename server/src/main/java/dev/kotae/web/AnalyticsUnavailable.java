package dev.kotae.web;

import dev.kotae.feedback.FeedbackStore;
import dev.kotae.http.ApiError;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import java.sql.SQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A report asked of an analytics database that cannot answer (PostgreSQL away or restarting): a JSON 503
 * {@code analytics_unavailable} with {@code Retry-After}, never a 500. Events are not affected: they are
 * journaled and delivered when the database is back.
 */
final class AnalyticsUnavailable implements ExceptionMapper<SQLException> {

    private static final Logger LOG = LoggerFactory.getLogger(AnalyticsUnavailable.class);
    static final int RETRY_AFTER_SECONDS = 10;

    @Override
    public Response toResponse(SQLException e) {
        LOG.warn("Analytics report failed: {}", e.toString());
        return Response.fromResponse(ApiError.response(503, "analytics_unavailable",
                        "the analytics database cannot answer right now; try again shortly"))
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }

    /** Votes kept in the shared database while it is away: 503 {@code feedback_unavailable}, nothing acknowledged. */
    static final class Votes implements ExceptionMapper<FeedbackStore.FeedbackUnavailableException> {
        @Override
        public Response toResponse(FeedbackStore.FeedbackUnavailableException e) {
            LOG.warn("Feedback store unavailable: {}", e.getMessage());
            return Response.fromResponse(ApiError.response(503, "feedback_unavailable",
                            "votes cannot be stored or read right now; try again shortly"))
                    .header("Retry-After", RETRY_AFTER_SECONDS).build();
        }
    }
}
