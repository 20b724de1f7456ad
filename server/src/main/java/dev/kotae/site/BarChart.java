package dev.kotae.site;

import dev.kotae.util.Texts;
import java.util.ArrayList;
import java.util.List;

/**
 * A horizontal bar chart laid out on the server, drawn by the template as inline SVG: no chart library,
 * no script, nothing from another site, and every label goes through the template's escaping.
 *
 * @param title what the chart shows (its accessible name)
 * @param height the SVG's height in user units (its width is {@link #WIDTH})
 */
public record BarChart(String title, int height, List<Bar> bars) {

    public static final int WIDTH = 640;
    static final int ROW = 26;
    static final int LABEL_WIDTH = 220;
    static final int VALUE_WIDTH = 60;
    private static final int MAX_LABEL = 28;

    /**
     * One bar.
     *
     * @param y the top of its row
     * @param length the bar's length in user units, proportional to the largest value
     */
    public record Bar(String label, long value, int y, int length) {

        public int textY() {
            return y + ROW / 2 + 5;
        }

        public int barX() {
            return LABEL_WIDTH;
        }

        public int valueX() {
            return LABEL_WIDTH + length + 6;
        }
    }

    /** A chart of the values, in the order given; long labels are shortened with an ellipsis. */
    public static BarChart of(String title, List<String> labels, List<Long> values) {
        long max = values.stream().mapToLong(Long::longValue).max().orElse(0);
        int room = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String label = labels.get(i);
            String shown = Texts.shortened(label, MAX_LABEL);
            long value = values.get(i);
            int length = max == 0 ? 0 : (int) Math.max(value > 0 ? 2 : 0, Math.round((double) value / max * room));
            bars.add(new Bar(shown, value, i * ROW, length));
        }
        return new BarChart(title, Math.max(ROW, bars.size() * ROW), List.copyOf(bars));
    }

    public int width() {
        return WIDTH;
    }

    public int barHeight() {
        return ROW - 8;
    }

    public boolean empty() {
        return bars.isEmpty();
    }
}
