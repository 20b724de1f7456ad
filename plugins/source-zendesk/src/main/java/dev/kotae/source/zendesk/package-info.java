/**
 * The {@code source-zendesk} plugin: serves a Zendesk Help Center export (the JSON pages of the Help
 * Center API saved into one folder) as a Kotae {@link dev.kotae.plugin.ContentSource}.
 *
 * <p>{@link dev.kotae.source.zendesk.ZendeskContentSource} is the extension; it wires together the
 * settings ({@link dev.kotae.source.zendesk.ZendeskSettings}), the export reader and the article mapping,
 * and has the server watch the export folder.
 */
package dev.kotae.source.zendesk;
