/**
 * The schema migrations that need Java: Flyway finds them here, beside the SQL ones in the resources
 * folder of the same name, and applies both in version order.
 */
package dev.kotae.analytics.migration;
