/**
 * The way from self-service to a person: the contact page's requests ({@link dev.kotae.contact.ContactRequest}),
 * each sent to the destinations its category names ({@link dev.kotae.contact.Destination}: a webhook, e-mail,
 * a ticket API). A request is kept until every destination took it, so nothing a customer submitted is lost
 * while a destination is down.
 */
package dev.kotae.contact;
