package dev.kotae.synonyms;

/** A synonyms file that cannot be used as it is; the message says why, in words its editor can act on. */
public final class InvalidSynonymsException extends Exception {

    public InvalidSynonymsException(String message) {
        super(message);
    }
}
