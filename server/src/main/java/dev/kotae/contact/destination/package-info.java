/**
 * The kinds of place a contact request can be sent ({@link dev.kotae.contact.Destination}s): a webhook
 * ({@link dev.kotae.contact.destination.WebhookDestination}), a mailbox over SMTP
 * ({@link dev.kotae.contact.destination.SmtpDestination}) and a Zendesk-compatible ticket API
 * ({@link dev.kotae.contact.destination.ZendeskDestination}), each built from its {@code contact.destinations}
 * settings by {@link dev.kotae.contact.ContactDestinations}. Each refuses a missing, unknown or bad setting
 * with an {@link java.lang.IllegalArgumentException} that names it (never its secret value), and tells a
 * failure worth retrying from one that is not ({@link dev.kotae.contact.DeliveryException#permanent()}).
 */
package dev.kotae.contact.destination;
