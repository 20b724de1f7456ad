package dev.kotae.util;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/** Whole numbers as clients send them: ASCII digits. */
public final class AsciiNumbers {

    private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]{1,10}");

    private AsciiNumbers() {}

    /**
     * The whole number {@code text} writes in ASCII digits, with an optional leading {@code -}; empty when
     * it writes none (other characters, other digits, nothing) or one beyond an {@code int}.
     * {@link Integer#parseInt} alone also reads "５" and "٥", which no client means to send.
     */
    public static OptionalInt wholeNumber(String text) {
        if (text == null || !WHOLE_NUMBER.matcher(text).matches()) {
            return OptionalInt.empty();
        }
        try {
            return OptionalInt.of(Integer.parseInt(text));
        } catch (NumberFormatException e) { // ten digits beyond Integer.MAX_VALUE
            return OptionalInt.empty();
        }
    }
}
