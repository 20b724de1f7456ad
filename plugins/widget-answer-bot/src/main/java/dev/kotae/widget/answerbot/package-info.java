/**
 * The {@code widget-answer-bot} plugin: a chat bubble that answers a customer's question with the best
 * article when the help center is confident ({@link dev.kotae.widget.answerbot.ConfidenceRule}) and
 * offers alternatives and the contact page otherwise. The browser code and styles are
 * {@code widget/bot.js} and {@code widget/bot.css} in this jar.
 */
package dev.kotae.widget.answerbot;
