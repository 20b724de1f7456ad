/**
 * "Was this helpful?" votes: cast through {@link dev.kotae.feedback.Votes}, kept by a
 * {@link dev.kotae.feedback.FeedbackStore} — durably under the data folder by default, or in the shared
 * analytics database when one is configured, so replicas see each other's votes.
 */
package dev.kotae.feedback;
