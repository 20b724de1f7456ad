/**
 * Small pieces every package may use and that depend on no other part of the server: named daemon
 * threads ({@link dev.kotae.util.DaemonThreads}), files replaced in one step
 * ({@link dev.kotae.util.AtomicFiles}) and the refusal of a bad request
 * ({@link dev.kotae.util.InvalidRequestException}, which the API answers with a 400).
 */
package dev.kotae.util;
