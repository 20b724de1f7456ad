/**
 * The destinations a contact request can be sent to besides a webhook: a mailbox over SMTP
 * ({@link dev.kotae.contact.destination.SmtpDestination}) and a Zendesk-compatible ticket API
 * ({@link dev.kotae.contact.destination.ZendeskDestination}). Each is built from its block of settings by a
 * static {@code fromSettings(name, settings)}, which refuses a missing, unknown or bad setting with an
 * {@link java.lang.IllegalArgumentException} that names it (never its secret value), and each tells a failure
 * worth retrying from one that is not ({@link dev.kotae.contact.DeliveryException#permanent()}).
 */
package dev.kotae.contact.destination;
