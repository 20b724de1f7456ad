package dev.kotae.source.csv;

import dev.kotae.plugin.ArticleType;
import dev.kotae.plugin.BodyFormat;
import dev.kotae.plugin.SourceArticle;
import dev.kotae.plugin.Visibility;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Turns one data row of a sheet into a {@link SourceArticle}, applying the file's defaults to empty cells.
 * A row that cannot be published as its author meant (no question, unknown visibility, bad id) is refused
 * with a {@link SkippedRowException} rather than repaired by guessing.
 */
final class RowConverter {

    /** The server's article id rule. */
    private static final Pattern ARTICLE_ID = Pattern.compile("[A-Za-z0-9._-]{1,128}");

    private final SheetSpec spec;
    private final HeaderMapping columns;

    RowConverter(SheetSpec spec, HeaderMapping columns) {
        this.spec = spec;
        this.columns = columns;
    }

    /** A row was refused; the message says why, without the file and row (the caller adds them). */
    static final class SkippedRowException extends Exception {

        private static final long serialVersionUID = 1L;

        SkippedRowException(String message) {
            super(message);
        }
    }

    /**
     * Converts a row.
     *
     * @param row the row's cells in file order
     * @param rowNumber the row's number as a spreadsheet shows it (the header is row 1)
     * @param notes receives harmless problems (an unreadable date) that do not stop the row
     * @throws SkippedRowException when the row must not be published
     */
    SourceArticle convert(List<String> row, long rowNumber, List<String> notes) throws SkippedRowException {
        String title = Cells.title(columns.cell(row, Column.QUESTION));
        if (title.isEmpty()) {
            throw new SkippedRowException("no question");
        }
        String body = Cells.body(columns.cell(row, Column.ANSWER));
        if (body.isEmpty()) {
            // Most often a question still being written: publishing an empty answer helps nobody.
            throw new SkippedRowException("no answer");
        }
        String type = orDefault(refuseInvalid(() -> Cells.type(columns.cell(row, Column.TYPE))), spec.type());
        String visibility = orDefault(refuseInvalid(() -> Cells.visibility(columns.cell(row, Column.VISIBILITY))),
                spec.visibility());
        return SourceArticle.builder()
                .id(id(columns.cell(row, Column.ID), rowNumber))
                .title(title)
                .body(body)
                .bodyFormat(BodyFormat.fromValue(spec.bodyFormat()))
                // Cells and settings hold the words people typed, already checked: the enums always accept them.
                .type(type == null ? null : ArticleType.fromValue(type))
                .visibility(visibility == null ? null : Visibility.fromValue(visibility))
                .locale(orDefault(refuseInvalid(() -> Cells.locale(columns.cell(row, Column.LOCALE))),
                        spec.locale()))
                .category(orDefault(Text.emptyToNull(columns.cell(row, Column.CATEGORY)), spec.category()))
                .tags(Cells.tags(columns.cell(row, Column.TAGS)))
                .questions(Cells.questions(columns.cell(row, Column.QUESTIONS)))
                .updated(updated(columns.cell(row, Column.UPDATED), notes))
                .build();
    }

    /** The id cell when there is one (full-width digits folded), else {@code <idPrefix>.<row number>}. */
    private String id(String cell, long rowNumber) throws SkippedRowException {
        if (Text.isBlank(cell)) {
            return spec.idPrefix() + "." + rowNumber;
        }
        String id = Normalizer.normalize(cell.strip(), Normalizer.Form.NFKC);
        if (!ARTICLE_ID.matcher(id).matches()) {
            throw new SkippedRowException("id '" + cell.strip() + "' is not an article id (1-128 of A-Z a-z 0-9 . _ -)");
        }
        return id;
    }

    private static LocalDate updated(String cell, List<String> notes) {
        try {
            return Cells.date(cell);
        } catch (IllegalArgumentException e) {
            // The date only orders and labels answers; the server's default is a fine stand-in.
            notes.add(e.getMessage() + "; updated left empty");
            return null;
        }
    }

    /** Runs a cell parser for which a wrong value means the row is skipped. */
    private static String refuseInvalid(Supplier<String> parser) throws SkippedRowException {
        try {
            return parser.get();
        } catch (IllegalArgumentException e) {
            throw new SkippedRowException(e.getMessage());
        }
    }

    private static String orDefault(String value, String fallback) {
        return value != null ? value : fallback;
    }
}
