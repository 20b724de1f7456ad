/**
 * A plugin that misbehaves on purpose, for the server's fault-isolation tests: a widget that throws on
 * start, a content source that hangs, one that returns bad data, one that answers only when a test
 * lets it, one the server refuses to register after it started, and a listener that throws. Built with the others but never shipped in the server's plugin
 * folder.
 */
package dev.kotae.testplugin.broken;
