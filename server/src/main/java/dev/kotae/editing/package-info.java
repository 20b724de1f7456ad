/**
 * Writing the help center in the browser and over the API: drafts, review, publishing into the content
 * folder (the files stay the source of truth), history (git or the data folder), uploaded images and the
 * audit log. {@link dev.kotae.editing.EditorService} is the one entry point the pages and the REST API use.
 */
package dev.kotae.editing;
