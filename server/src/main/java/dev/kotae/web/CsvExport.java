package dev.kotae.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A table as a CSV download that spreadsheet programs open correctly: UTF-8 with a byte-order mark
 * (without it Excel reads Japanese as mojibake), CRLF line ends, RFC 4180 quoting. Cells that start
 * with {@code = + - @} (or a tab or carriage return) get a leading {@code '}, because stored queries are
 * typed by anyone and a spreadsheet would otherwise run them as formulas.
 */
final class CsvExport {

    static final String MEDIA_TYPE = "text/csv; charset=UTF-8";
    private static final String BOM = "\uFEFF";

    private CsvExport() {}

    /**
     * Whether an {@code Accept} header asks for CSV over JSON: {@code text/csv} with a quality above 0, at
     * least as high as JSON's ({@code application/json}, {@code application/*} or {@code *}{@code /*}).
     * {@code text/csv;q=0} is "not CSV", as HTTP says. An entry that does not parse counts for nothing.
     */
    static boolean wanted(String accept) {
        if (accept == null) {
            return false;
        }
        double csv = 0;
        double json = 0;
        for (String entry : accept.split(",")) {
            jakarta.ws.rs.core.MediaType type;
            try {
                type = jakarta.ws.rs.core.MediaType.valueOf(entry.strip());
            } catch (IllegalArgumentException e) {
                continue;
            }
            double quality = quality(type.getParameters().get("q"));
            if (type.getType().equalsIgnoreCase("text") && type.getSubtype().equalsIgnoreCase("csv")) {
                csv = Math.max(csv, quality);
            } else if (type.isCompatible(jakarta.ws.rs.core.MediaType.APPLICATION_JSON_TYPE)) {
                json = Math.max(json, quality);
            }
        }
        return csv > 0 && csv >= json;
    }

    private static double quality(String q) {
        if (q == null) {
            return 1;
        }
        try {
            double value = Double.parseDouble(q.strip());
            return value >= 0 && value <= 1 ? value : 0;
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static Response response(String fileName, List<String> header, List<List<Object>> rows) {
        StringBuilder csv = new StringBuilder(BOM);
        line(csv, List.copyOf(header));
        for (List<Object> row : rows) {
            line(csv, row);
        }
        return Response.ok(csv.toString().getBytes(StandardCharsets.UTF_8), MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    /** Where a streamed table's rows go, one at a time. */
    interface RowSink {
        void row(List<?> cells) throws IOException;
    }

    /** Writes a streamed table's rows into the sink, in order. */
    interface RowSource {
        void writeTo(RowSink sink) throws IOException;
    }

    /**
     * The same download written as its rows are produced, for a table too long to hold in memory (the
     * whole audit log). Anything to refuse must be refused before: the status is sent with the first row.
     */
    static Response streamed(String fileName, List<String> header, RowSource rows) {
        StreamingOutput body = out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            StringBuilder line = new StringBuilder(BOM);
            line(line, List.copyOf(header));
            writer.write(line.toString());
            rows.writeTo(cells -> {
                StringBuilder row = new StringBuilder();
                line(row, cells);
                writer.write(row.toString());
            });
            writer.flush();
        };
        return Response.ok(body, MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    private static void line(StringBuilder csv, List<?> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(cell(cells.get(i)));
        }
        csv.append("\r\n");
    }

    /** One cell, defused and quoted as needed. */
    static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        if (!(value instanceof Number) && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        if (text.indexOf(',') >= 0 || text.indexOf('"') >= 0 || text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0) {
            text = '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}
