/**
 * Who is calling: named accounts with passwords (the accounts file, Argon2id hashing, password sign-in),
 * bearer tokens, signed sessions, sign-in throttling, roles and the resulting audience.
 */
package dev.kotae.auth;
