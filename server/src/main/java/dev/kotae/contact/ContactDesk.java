package dev.kotae.contact;

import dev.kotae.config.ContactConfig;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contact page's back office: takes a customer's checked submission into the queue (before the
 * customer is told it was sent), wakes the sender, and gives admins the queue and its "retry now".
 */
public final class ContactDesk {

    private static final Logger LOG = LoggerFactory.getLogger(ContactDesk.class);

    /** The widget name of the contact page's funnel events before a category is picked. */
    public static final String WIDGET = "contact";

    /**
     * What the customer typed, already checked for size and form by the page.
     *
     * @param articlesShown ids of the articles the page suggested
     * @param articlesOpened ids of those the customer opened
     */
    public record Submission(String locale, ContactConfig.Category category, String name, String email, String subject,
            String description, List<String> articlesShown, List<String> articlesOpened) {}

    private final ContactConfig config;
    private final ContactQueue queue;
    private final ContactBackup backup;
    private final ContactSender sender;
    private final Clock clock;

    /** @param backup where each request is also kept, after the database took it (see {@link ContactBackup}) */
    public ContactDesk(ContactConfig config, ContactQueue queue, ContactBackup backup, ContactSender sender,
            Clock clock) {
        this.config = config;
        this.queue = queue;
        this.backup = backup;
        this.sender = sender;
        this.clock = clock;
    }

    public ContactConfig config() {
        return config;
    }

    /** Whether any destination is configured (else requests are only kept for admins). */
    public boolean hasDestinations() {
        return !config.destinations().isEmpty();
    }

    /**
     * Stores the request with a delivery to each of its category's destinations, keeps its local copy, then
     * has the sender try them. Returns once it is stored: that is when the customer may be told it was sent.
     * The copy is written after the database committed, so a request the customer is told to send again is
     * never restored; a copy that cannot be written is logged, the request stays acknowledged (the
     * database holds it).
     *
     * @throws SQLException when it could not be stored (the customer must be told to try again)
     */
    public ContactRequest submit(Submission submission) throws SQLException {
        ContactConfig.Category category = submission.category();
        ContactRequest request = new ContactRequest(UUID.randomUUID().toString(), clock.instant(), submission.locale(),
                category.id(), category.label(submission.locale()), Priority.ofKey(category.priority()), submission.name(),
                submission.email(), submission.subject(), submission.description(), submission.articlesShown(),
                submission.articlesOpened());
        queue.enqueue(request, category.destinations());
        try {
            backup.keep(request, category.destinations());
        } catch (IOException | RuntimeException e) {
            LOG.warn("Contact request {} is stored in the database but its local copy could not be written; a kill"
                    + " -9 in the next moments could lose it: {}", request.id(), e.toString());
        }
        sender.wake();
        return request;
    }

    /** The newest requests with their deliveries. */
    public List<ContactQueue.Queued> recent(int limit) throws SQLException {
        return queue.recent(limit);
    }

    /** Deliveries still pending or failed, oldest first. */
    public List<Delivery> undelivered(int limit) throws SQLException {
        return queue.undelivered(limit);
    }

    /** Makes a delivery not yet delivered due now and wakes the sender; {@code false} when there is none. */
    public boolean retryNow(String requestId, String destination) throws SQLException {
        boolean queued = queue.retryNow(requestId, destination, clock.instant());
        if (queued) {
            sender.wake();
        }
        return queued;
    }

    /** The funnel events' widget name for a category ({@code contact/<id>}), or {@link #WIDGET} for none. */
    public static String widget(ContactConfig.Category category) {
        return category == null ? WIDGET : WIDGET + "/" + category.id();
    }

    /** Whether {@code widget} is one of this page's funnel event names (events for it are accepted). */
    public boolean knowsWidget(String widget) {
        if (!config.enabled() || widget == null) {
            return false;
        }
        return widget.equals(WIDGET) || widget.startsWith(WIDGET + "/")
                && config.category(widget.substring(WIDGET.length() + 1)) != null;
    }
}
