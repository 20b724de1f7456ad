package dev.kotae.web;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
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
