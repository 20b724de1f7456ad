package dev.kotae.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Test text from a small vocabulary with a skew (the first words most often), so many articles nearly tie. */
final class SkewedText {

    private SkewedText() {}

    /** {@code count} words of {@code words}, the first ones most often, joined by {@code separator}. */
    static String pick(Random random, String[] words, int count, String separator) {
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            picked.add(words[(int) Math.min(words.length - 1, Math.abs(random.nextGaussian()) * words.length / 2.5)]);
        }
        return String.join(separator, picked);
    }
}
