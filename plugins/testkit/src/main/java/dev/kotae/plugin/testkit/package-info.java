/**
 * Test doubles for plugin authors: {@link dev.kotae.plugin.testkit.FakePluginContext} stands in for the
 * server in a plugin's unit tests, {@link dev.kotae.plugin.testkit.FakeHelpCenter} for its search. Use it
 * in {@code test} scope; the server's real behaviour is covered by its own integration tests.
 */
package dev.kotae.plugin.testkit;
