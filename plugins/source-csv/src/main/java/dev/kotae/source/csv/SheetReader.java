package dev.kotae.source.csv;

import dev.kotae.plugin.SourceArticle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads one sheet: bytes, encoding, CSV syntax, header row, then every data row through
 * {@link RowConverter}. File-level problems throw (the server then keeps the articles it had); row-level
 * problems skip the row and are returned as warnings.
 */
final class SheetReader {

    /**
     * The largest sheet read: about 8,000 FAQs with two-kilobyte answers. A sheet is read whole, decoded and
     * parsed in memory, and its articles indexed; a 90 MB sheet of a million rows filled a 512 MB heap and
     * ended the server, and would again on every start while the file stayed.
     */
    static final long MAX_BYTES = 16L * 1024 * 1024;

    private SheetReader() {}

    /**
     * A row that became an article.
     *
     * @param rowNumber its number as a spreadsheet shows it (the header is row 1)
     */
    record Row(long rowNumber, SourceArticle article) {}

    /**
     * What a sheet held.
     *
     * @param rows the articles, in file order
     * @param warnings one message per skipped row or ignored value, each naming the file and row
     */
    record Result(List<Row> rows, List<String> warnings) {}

    /**
     * Reads a sheet.
     *
     * @throws CsvSourceException when the file is missing, unreadable, larger than {@link #MAX_BYTES}, not in
     *     its encoding, not valid CSV
     *     (an unbalanced quote included, see {@link QuoteBalance}) or lacks a question or answer column; the
     *     message names the file and, for CSV syntax, the line
     */
    static Result read(SheetSpec spec) throws CsvSourceException {
        Encodings.Decoded decoded = decode(spec, readBytes(spec));
        OptionalLong unbalanced = QuoteBalance.unbalancedLine(decoded.text(), spec.delimiter());
        if (unbalanced.isPresent()) {
            throw new CsvSourceException(where(spec) + ": not valid CSV: line " + unbalanced.getAsLong()
                    + ": unbalanced quote (every \" must be paired: a cell holding a quote is put in quotes, with the"
                    + " quote doubled, as spreadsheets save it)");
        }
        List<Row> rows = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(decoded.text(), format(spec.delimiter()))) {
            List<String> headerNotes = new ArrayList<>();
            HeaderMapping columns = mapHeaders(spec, parser.getHeaderNames(), headerNotes);
            headerNotes.forEach(note -> warnings.add(spec.label() + ": " + note));
            RowConverter converter = new RowConverter(spec, columns);
            for (CSVRecord record : parser) {
                List<String> cells = record.toList();
                if (cells.stream().allMatch(Text::isBlank)) {
                    continue; // spacer rows between sections are common and mean nothing
                }
                // commons-csv numbers data records from 1 after the header; plus one, that is the row number
                // the spreadsheet shows for files Excel saved (a quoted line break does not start a new row).
                long rowNumber = record.getRecordNumber() + 1;
                List<String> notes = new ArrayList<>();
                try {
                    rows.add(new Row(rowNumber, converter.convert(cells, rowNumber, notes)));
                } catch (RowConverter.SkippedRowException e) {
                    warnings.add(spec.label() + " row " + rowNumber + ": " + e.getMessage() + "; row skipped");
                }
                notes.forEach(note -> warnings.add(spec.label() + " row " + rowNumber + ": " + note));
            }
        } catch (UncheckedIOException e) {
            // commons-csv reports syntax errors (an unclosed quote, text after a closing quote) while iterating,
            // wrapped; the cause's message says where ("line: 12, position: 40").
            throw new CsvSourceException(where(spec) + ": not valid CSV: " + e.getCause().getMessage(), e);
        } catch (IOException | IllegalStateException e) {
            throw new CsvSourceException(where(spec) + ": not valid CSV: " + e.getMessage(), e);
        }
        return new Result(List.copyOf(rows), List.copyOf(warnings));
    }

    /**
     * RFC 4180 as Excel writes it: quoted cells may hold delimiters, line breaks and doubled quotes; CRLF or
     * LF between rows. The first row is the header; headers may repeat or be blank (unused columns), since
     * cells are taken by position.
     */
    static CSVFormat format(char delimiter) {
        return CSVFormat.RFC4180.builder()
                .setDelimiter(delimiter)
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
    }

    private static byte[] readBytes(SheetSpec spec) throws CsvSourceException {
        try (InputStream in = Files.newInputStream(spec.path())) {
            // Read at most one byte past the limit: the file may have grown since its size was looked at.
            byte[] bytes = in.readNBytes((int) MAX_BYTES + 1);
            if (bytes.length > MAX_BYTES) {
                throw new CsvSourceException(where(spec) + ": " + String.format(Locale.ROOT, "%,d",
                        Files.size(spec.path())) + " bytes, larger than a sheet may be (16 MiB); split it into"
                        + " several files, each listed under files:");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new CsvSourceException(where(spec) + ": file not found");
        } catch (IOException e) {
            throw new CsvSourceException(where(spec) + ": cannot read: " + e, e);
        }
    }

    private static Encodings.Decoded decode(SheetSpec spec, byte[] bytes) throws CsvSourceException {
        try {
            return Encodings.decode(bytes, spec.encoding());
        } catch (CharacterCodingException e) {
            throw new CsvSourceException(where(spec) + ": " + e.getMessage()
                    + " (encoding: " + spec.encoding() + "; Excel's \"CSV UTF-8\" is UTF-8, "
                    + "\"CSV (コンマ区切り)\" is windows-31j)", e);
        }
    }

    private static HeaderMapping mapHeaders(SheetSpec spec, List<String> headers, List<String> notes)
            throws CsvSourceException {
        if (headers.isEmpty()) {
            throw new CsvSourceException(where(spec) + ": the file is empty; the first row must be the header");
        }
        try {
            return HeaderMapping.resolve(headers, spec.columns(), notes);
        } catch (IllegalArgumentException e) {
            throw new CsvSourceException(where(spec) + ": " + e.getMessage(), e);
        }
    }

    /** "faq/shop-faq.csv (/etc/kotae/faq/shop-faq.csv)": as configured, and where that led. */
    private static String where(SheetSpec spec) {
        return spec.label().equals(spec.path().toString()) ? spec.label() : spec.label() + " (" + spec.path() + ")";
    }
}
