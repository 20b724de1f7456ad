/**
 * The Kotae plugin API: the only contract a plugin compiles against.
 *
 * <p>This module holds records and interfaces only, documented here, and never depends on the server.
 * Extension points (content sources, deflection widgets, event listeners) are added with the plugin
 * platform. Until then the module exists so that the build, the artifact coordinates
 * ({@code dev.kotae:kotae-plugin-api}) and the rule "plugins never see server internals" are in
 * place from the start.
 */
package dev.kotae.plugin;
