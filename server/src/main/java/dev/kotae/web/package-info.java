/**
 * The HTTP API: Jetty and Jersey wiring, thin resources, authentication, and JSON errors for
 * everything that can go wrong, including Jetty's own errors.
 */
package dev.kotae.web;
