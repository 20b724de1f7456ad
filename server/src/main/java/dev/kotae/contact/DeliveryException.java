package dev.kotae.contact;

/**
 * A destination did not take a request. The message is shown to admins beside the queued request, so it
 * says what the other side answered (status, reason) and never carries a secret such as a token or password.
 */
public class DeliveryException extends Exception {

    private final boolean permanent;

    /** A failure worth retrying later (the other side was down, slow, or answered 5xx or 429). */
    public DeliveryException(String message, Throwable cause) {
        this(message, cause, false);
    }

    /**
     * @param permanent {@code true} when retrying cannot help (the other side refused the request as
     *     invalid, 4xx other than 408/429): the request is kept for an admin to see, not retried
     */
    public DeliveryException(String message, Throwable cause, boolean permanent) {
        super(message, cause);
        this.permanent = permanent;
    }

    public boolean permanent() {
        return permanent;
    }
}
