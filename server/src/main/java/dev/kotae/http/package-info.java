/**
 * What the JSON API ({@code web}) and the help-center pages ({@code site}) share about HTTP: the
 * caller of a request ({@link dev.kotae.http.Callers}), the browser cookies and their CSRF tokens, and
 * the shape of an error answer ({@link dev.kotae.http.ApiError}, written with the one
 * {@link dev.kotae.http.JsonMapper}). It depends on no other package of the server but {@code auth}.
 */
package dev.kotae.http;
