/**
 * The weekly KPI digest: the week's zero-result, helpful and deflection rates and contact volume, each
 * against its target, posted to a webhook on a configured day and hour (in the analytics time zone), once
 * per week however many replicas run and however often they restart, and on demand.
 */
package dev.kotae.analytics.digest;
