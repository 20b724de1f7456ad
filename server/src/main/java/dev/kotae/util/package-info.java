/**
 * Small pieces every package may use and that depend on no other part of the server: named daemon
 * threads ({@link dev.kotae.util.DaemonThreads}), files replaced in one step
 * ({@link dev.kotae.util.AtomicFiles}), the refusal of a bad request
 * ({@link dev.kotae.util.InvalidRequestException}, which the API answers with a 400) and the closing of
 * what a builder opened when a later part fails ({@link dev.kotae.util.Closer}).
 */
package dev.kotae.util;
