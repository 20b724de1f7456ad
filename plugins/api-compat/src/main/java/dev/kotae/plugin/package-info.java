/**
 * The Kotae plugin API: the only contract a plugin compiles against ({@code dev.kotae:kotae-plugin-api}).
 *
 * <p>A plugin is a PF4J plugin (a jar or zip in the server's {@code --plugins} folder) whose extensions
 * implement one or more of these extension points:
 * <ul>
 *   <li>{@link dev.kotae.plugin.ContentSource}: articles from somewhere other than Markdown files
 *       (spreadsheets, other help centers), indexed next to them;</li>
 *   <li>{@link dev.kotae.plugin.Widget}: browser assets served under {@code /widgets/{plugin}/} and an
 *       optional endpoint under {@code /api/v1/widgets/{plugin}/}, with a public-only
 *       {@link dev.kotae.plugin.HelpCenter} to search;</li>
 *   <li>{@link dev.kotae.plugin.EventListener}: search, click, feedback and deflection events.</li>
 * </ul>
 * Every extension gets a {@link dev.kotae.plugin.PluginContext} in
 * {@link dev.kotae.plugin.KotaeExtension#start(PluginContext)}: its settings from {@code kotae.yml}, a data
 * folder, the help-center facade and an event sink.
 *
 * <p>The module holds records and interfaces only and never exposes server internals, so plugins keep
 * working across server versions. Plugins declare this module, PF4J and Jackson as {@code provided}.
 */
package dev.kotae.plugin;
