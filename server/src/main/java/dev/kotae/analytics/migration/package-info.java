/**
 * The analytics schema's migrations that SQL alone cannot say portably; the SQL ones sit beside them as
 * resources. Flyway applies both, in version order, when {@link dev.kotae.analytics.AnalyticsDatabase}
 * opens.
 */
package dev.kotae.analytics.migration;
