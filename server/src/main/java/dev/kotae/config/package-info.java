/**
 * Settings: defaults, {@code kotae.yml}, {@code KOTAE_*} variables, merged into one record.
 */
package dev.kotae.config;
