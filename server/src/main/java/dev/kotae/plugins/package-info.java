/**
 * Hosting PF4J plugins: {@link dev.kotae.plugins.PluginHost} loads the jars from the plugin folder and
 * starts their extensions with a {@link dev.kotae.plugins.HostedPluginContext}; every call into plugin code
 * goes through a {@link dev.kotae.plugins.TimeBox}, so a plugin that throws or hangs is reported, not fatal.
 * {@link dev.kotae.plugins.SourceSync} indexes content sources next to the Markdown files, and
 * {@link dev.kotae.plugins.PublicHelpCenter} is the public-only search facade widgets get.
 */
package dev.kotae.plugins;
