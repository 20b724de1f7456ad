/**
 * The HTTP API: Jetty and Jersey wiring, thin resources, authentication, and JSON errors for
 * everything that can go wrong, including Jetty's own errors. What it shares with the help-center
 * pages (the caller of a request, cookies, CSRF tokens, error bodies) is in {@code dev.kotae.http}.
 */
package dev.kotae.web;
