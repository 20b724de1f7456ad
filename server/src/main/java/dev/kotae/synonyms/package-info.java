/**
 * The synonyms the help-center team edits in {@code content/synonyms.txt} (Solr's format): parsed once per
 * language family with that family's analysis, so an entry is normalised exactly as a query word is, and
 * followed as the file changes, the last good set kept while a new one is broken. Used when a query is
 * built ({@link dev.kotae.search.TextQueries}); nothing is indexed with them, so a change needs no reindex.
 */
package dev.kotae.synonyms;
