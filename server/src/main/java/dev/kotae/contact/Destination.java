package dev.kotae.contact;

/**
 * Somewhere a contact request goes: a webhook, a mailbox, a ticket API. Implementations are thread-safe
 * and hold no state between calls beyond their settings and connections.
 */
public interface Destination {

    /** The destination's name in the configuration (what categories refer to it by, and what admins see). */
    String name();

    /**
     * Hands the request over, returning only once the other side took it (a 2xx, an accepted message).
     * Called again with the same request after a failure, so a destination that can avoid duplicates
     * (an idempotency key, the request's id in the ticket) does.
     *
     * @throws DeliveryException when it was not taken; the request is kept and retried later
     */
    void deliver(ContactRequest request) throws DeliveryException;
}
