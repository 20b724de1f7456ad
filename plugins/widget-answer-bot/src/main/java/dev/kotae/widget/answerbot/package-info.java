/**
 * The {@code widget-answer-bot} plugin: a chat bubble that answers a customer's question with the best
 * article when the help center is confident ({@link dev.kotae.widget.answerbot.ConfidenceRule}) and
 * offers alternatives and the contact page otherwise. Copies of one answer from several sources (a
 * Markdown article and its Zendesk or CSV import) count as one candidate
 * ({@link dev.kotae.widget.answerbot.NearDuplicates}, {@link dev.kotae.widget.answerbot.Candidates}), and
 * the answer names the source it was taken from. The browser code and styles are
 * {@code widget/bot.js} and {@code widget/bot.css} in this jar.
 */
package dev.kotae.widget.answerbot;
