/**
 * Who is calling: bearer tokens, roles and the resulting audience.
 */
package dev.kotae.auth;
