/**
 * The {@code alert-webhook} plugin: an {@link dev.kotae.plugin.EventListener} that notices a sudden rise in
 * searches for one term ({@link dev.kotae.alert.SpikeDetector}, {@link dev.kotae.alert.SpikeRule}) and posts a
 * Slack-compatible incoming-webhook message about it ({@link dev.kotae.alert.SlackMessage},
 * {@link dev.kotae.alert.WebhookSender}). Settings: {@link dev.kotae.alert.AlertSettings}.
 */
package dev.kotae.alert;
