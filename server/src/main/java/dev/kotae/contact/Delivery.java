package dev.kotae.contact;

import java.time.Instant;

/**
 * One request on its way to one destination, as the queue holds it.
 *
 * @param attempts how many times the destination was tried
 * @param nextAttemptAt when the sender tries it next (meaningful while {@link DeliveryState#PENDING})
 * @param lastError what the destination answered the last time it failed, or {@code null}
 */
public record Delivery(String requestId, String destination, DeliveryState state, int attempts, Instant nextAttemptAt,
        String lastError, Instant updatedAt) {}
