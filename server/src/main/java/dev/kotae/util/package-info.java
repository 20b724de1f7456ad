/**
 * Small pieces every package may use and that depend on no other part of the server: named daemon
 * threads ({@link dev.kotae.util.DaemonThreads}) and the refusal of a bad request
 * ({@link dev.kotae.util.InvalidRequestException}, which the API answers with a 400).
 */
package dev.kotae.util;
