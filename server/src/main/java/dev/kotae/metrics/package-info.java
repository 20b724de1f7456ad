/**
 * Prometheus metrics of the server.
 */
package dev.kotae.metrics;
