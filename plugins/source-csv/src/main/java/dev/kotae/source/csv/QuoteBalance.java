package dev.kotae.source.csv;

import java.util.OptionalLong;

/**
 * Finds the unbalanced quote in a sheet before it is parsed. In CSV as spreadsheets write it (RFC 4180)
 * every {@code "} is half of a pair: the two around a quoted cell, or a doubled quote inside one. One
 * quote too many or too few makes cells run into each other, and the parser may then read the rest of the
 * file "successfully" as other rows (an answer that swallowed three questions, a question made of half an
 * answer). So a file with an odd number of quotes, or a quoted cell that never ends or is followed by more
 * text, is malformed, and the line to look at is named.
 */
final class QuoteBalance {

    private QuoteBalance() {}

    /**
     * The line (1-based, as an editor shows it) of the quote that does not balance, or empty when every
     * quote is paired.
     */
    static OptionalLong unbalancedLine(String text, char delimiter) {
        long line = 1;
        long openedAt = 0;
        long quotes = 0;
        long firstBareQuote = 0;
        boolean quoted = false;
        boolean cellStart = true;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quotes++;
            }
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        quotes++;
                        i++; // a doubled quote inside the cell
                    } else {
                        quoted = false;
                        if (!endsCell(text, i + 1, delimiter)) {
                            return OptionalLong.of(openedAt); // "abc"def: the quote that opened it is the odd one
                        }
                    }
                } else if (c == '\n') {
                    line++;
                }
            } else if (c == '"' && cellStart) {
                quoted = true;
                openedAt = line;
                cellStart = false;
            } else if (c == '"') {
                if (firstBareQuote == 0) {
                    firstBareQuote = line; // inside an unquoted cell: read as a character, but one of a pair was lost
                }
                cellStart = false;
            } else if (c == '\n') {
                line++;
                cellStart = true;
            } else {
                cellStart = c == delimiter || c == '\r';
            }
        }
        if (quoted) {
            return OptionalLong.of(openedAt); // the last quoted cell never ends
        }
        // Paired quotes are even; an odd count means a quote read as a character in an unquoted cell lost
        // its partner (a cell that should have been quoted, or its opening quote deleted).
        return quotes % 2 == 0 ? OptionalLong.empty() : OptionalLong.of(Math.max(firstBareQuote, 1));
    }

    /** Whether a closing quote at {@code from - 1} ends its cell: a delimiter, a line break or the end follow (spaces allowed). */
    private static boolean endsCell(String text, int from, char delimiter) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == delimiter || c == '\r' || c == '\n') {
                return true;
            }
            if (c != ' ' && c != '\t') {
                return false;
            }
        }
        return true;
    }
}
