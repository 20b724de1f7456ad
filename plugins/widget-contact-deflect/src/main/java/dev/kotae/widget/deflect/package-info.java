/**
 * The {@code widget-contact-deflect} plugin: article suggestions on a customer's contact form, before the
 * ticket is sent. {@link dev.kotae.widget.deflect.ContactDeflectWidget} serves the endpoints; the browser
 * code and styles are {@code widget/deflect.js} and {@code widget/deflect.css} in this jar.
 */
package dev.kotae.widget.deflect;
