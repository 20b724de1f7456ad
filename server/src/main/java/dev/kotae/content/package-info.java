/**
 * Help-center content: the article model, parsing Markdown files with front matter, safe rendering,
 * and watching the content folder for changes. Knows nothing of Lucene or HTTP.
 */
package dev.kotae.content;
