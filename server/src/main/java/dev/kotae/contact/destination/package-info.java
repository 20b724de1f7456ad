/**
 * The kinds of place a contact request can be sent ({@link dev.kotae.contact.Destination}s), each built
 * from its {@code contact.destinations} settings by {@link dev.kotae.contact.ContactDestinations}.
 */
package dev.kotae.contact.destination;
