package dev.kotae.source.csv;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which cell of a row holds which {@link Column}, found from the header row: explicit {@code columns:}
 * names first, then the usual names for every column not named explicitly.
 */
final class HeaderMapping {

    private final Map<Column, Integer> indexes;

    private HeaderMapping(Map<Column, Integer> indexes) {
        this.indexes = indexes;
    }

    /**
     * Maps a header row.
     *
     * @param headers the header cells in file order
     * @param explicit header names by column from the settings; an empty name ignores the column
     * @param warnings receives notes about headers that were left out
     * @throws IllegalArgumentException when an explicit header is missing or there is no question or answer
     *     column; the message lists the headers found
     */
    static HeaderMapping resolve(List<String> headers, Map<Column, String> explicit, List<String> warnings) {
        Map<Column, Integer> indexes = new EnumMap<>(Column.class);
        Set<Integer> taken = new HashSet<>();
        for (Map.Entry<Column, String> entry : explicit.entrySet()) {
            if (entry.getValue().isEmpty()) {
                continue;
            }
            int index = indexOf(headers, entry.getValue());
            if (index < 0) {
                throw new IllegalArgumentException("columns." + entry.getKey().settingKey() + " names header '"
                        + entry.getValue() + "', which the file does not have; headers found: " + quoted(headers));
            }
            if (!taken.add(index)) {
                throw new IllegalArgumentException("header '" + headers.get(index)
                        + "' is named for two columns in columns:");
            }
            indexes.put(entry.getKey(), index);
        }
        for (Column column : Column.values()) {
            if (explicit.containsKey(column)) {
                continue;
            }
            for (int i = 0; i < headers.size(); i++) {
                if (taken.contains(i) || !column.recognises(headers.get(i))) {
                    continue;
                }
                if (indexes.containsKey(column)) {
                    // Two candidates ("質問" and "タイトル"): the first one wins, visibly.
                    warnings.add("header '" + headers.get(i) + "' also looks like the " + column.settingKey()
                            + " column and is ignored; set columns." + column.settingKey() + " to choose");
                } else {
                    indexes.put(column, i);
                    taken.add(i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required() && !indexes.containsKey(column)) {
                missing.add(column.settingKey());
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("no " + String.join(" or ", missing)
                    + " column; headers found: " + quoted(headers)
                    + " (use headers such as 質問/question and 回答/answer, or name them under columns:)");
        }
        return new HeaderMapping(indexes);
    }

    /** The cell for a column, trimmed by the parser; {@code null} when the file has no such column. */
    String cell(List<String> row, Column column) {
        Integer index = indexes.get(column);
        if (index == null) {
            return null;
        }
        // Hand-written files may end a row early; a missing trailing cell is an empty one.
        return index < row.size() ? row.get(index) : "";
    }

    /** True when the file has this column. */
    boolean has(Column column) {
        return indexes.containsKey(column);
    }

    private static int indexOf(List<String> headers, String name) {
        String folded = Text.fold(name);
        for (int i = 0; i < headers.size(); i++) {
            if (Text.fold(headers.get(i)).equals(folded)) {
                return i;
            }
        }
        return -1;
    }

    private static String quoted(List<String> headers) {
        if (headers.stream().allMatch(Text::isBlank)) {
            return "(none: the first row is empty)";
        }
        return headers.stream().map(h -> "'" + h + "'").collect(Collectors.joining(", "));
    }
}
