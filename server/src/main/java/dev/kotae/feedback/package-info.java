/**
 * "Was this helpful?" votes, stored durably under the data folder.
 */
package dev.kotae.feedback;
