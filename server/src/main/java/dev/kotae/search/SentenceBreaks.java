package dev.kotae.search;

import java.text.BreakIterator;
import java.text.CharacterIterator;
import java.util.function.IntSupplier;

/**
 * Sentence boundaries for snippets: after 。．！？!? and a line break, and after a full stop followed by
 * a space. The JDK's rule-based sentence iterator gets more edge cases right (abbreviations, quotes), but
 * it is slow for what a snippet needs: a sensible place to start and end.
 * Modelled on Lucene's {@code CustomSeparatorBreakIterator}, with several separators.
 */
final class SentenceBreaks extends BreakIterator {

    private CharacterIterator text;
    private int current;

    static boolean endsSentence(char c, char next) {
        return switch (c) {
            case '。', '．', '！', '？', '!', '?', '\n' -> true;
            case '.' -> next == ' ' || next == '\n' || next == CharacterIterator.DONE;
            default -> false;
        };
    }

    @Override
    public int current() {
        return current;
    }

    @Override
    public int first() {
        text.setIndex(text.getBeginIndex());
        return current = text.getIndex();
    }

    @Override
    public int last() {
        text.setIndex(text.getEndIndex());
        return current = text.getIndex();
    }

    @Override
    public int next() {
        if (current == text.getEndIndex()) {
            return DONE;
        }
        return advanceForward();
    }

    @Override
    public int next(int n) {
        if (n < 0) {
            for (int i = 0; i < -n; i++) {
                previous();
            }
        } else {
            for (int i = 0; i < n; i++) {
                next();
            }
        }
        return current();
    }

    @Override
    public int previous() {
        if (current == text.getBeginIndex()) {
            return DONE;
        }
        return advanceBackward();
    }

    @Override
    public int following(int offset) {
        return moveTo(offset, text.getEndIndex(), this::advanceForward);
    }

    @Override
    public int preceding(int offset) {
        return moveTo(offset, text.getBeginIndex(), this::advanceBackward);
    }

    /** Stands at {@code offset}, then moves on towards {@code edge}: {@code DONE} if already there. */
    private int moveTo(int offset, int edge, IntSupplier advance) {
        checkOffset(offset);
        text.setIndex(offset);
        current = text.getIndex();
        return offset == edge ? DONE : advance.getAsInt();
    }

    private void checkOffset(int offset) {
        if (offset < text.getBeginIndex() || offset > text.getEndIndex()) {
            throw new IllegalArgumentException("offset out of bounds: " + offset);
        }
    }

    /** Moves to the boundary after the next sentence end, or to the end of the text. */
    private int advanceForward() {
        for (char c = text.next(); c != CharacterIterator.DONE; c = text.next()) {
            int at = text.getIndex();
            char next = text.next();
            text.setIndex(at);
            if (endsSentence(c, next)) {
                return current = at + 1;
            }
        }
        return current = text.getIndex();
    }

    /** Moves to the boundary after the previous sentence end, or to the start of the text. */
    private int advanceBackward() {
        int from = current;
        for (char c = text.previous(); c != CharacterIterator.DONE; c = text.previous()) {
            int at = text.getIndex();
            char next = text.next();
            text.setIndex(at);
            if (endsSentence(c, next) && at + 1 < from) { // a boundary before where we started
                return current = at + 1;
            }
        }
        return current = text.getIndex();
    }

    @Override
    public CharacterIterator getText() {
        return text;
    }

    @Override
    public void setText(CharacterIterator newText) {
        text = newText;
        current = text.getBeginIndex();
    }
}
