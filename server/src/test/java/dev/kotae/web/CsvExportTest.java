package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void defusesFormulas() {
        assertEquals("'=1+1", CsvExport.cell("=1+1"));
        assertEquals("'+81", CsvExport.cell("+81"));
        assertEquals("'-2", CsvExport.cell("-2"));
        assertEquals("'@SUM(A1)", CsvExport.cell("@SUM(A1)"));
        assertEquals(-2L + "", CsvExport.cell(-2L)); // a number is data, not a formula
    }

    @Test
    void quotesWhatWouldBreakTheRow() {
        assertEquals("\"a,b\"", CsvExport.cell("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", CsvExport.cell("say \"hi\""));
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvExport.cell("=HYPERLINK(\"x\")"));
        assertEquals("返金", CsvExport.cell("返金"));
        assertEquals("", CsvExport.cell(null));
    }

    @Test
    void csvIsChosenByTheAcceptHeadersQualities() {
        assertTrue(CsvExport.wanted("text/csv"));
        assertTrue(CsvExport.wanted("text/csv, application/json"));
        assertTrue(CsvExport.wanted("application/json;q=0.5, text/csv"));
        // q=0 means "not acceptable": it was read as a request for CSV.
        assertFalse(CsvExport.wanted("text/csv;q=0, application/json"));
        assertFalse(CsvExport.wanted("application/json, text/csv;q=0.5"));
        assertFalse(CsvExport.wanted("*/*"));
        assertFalse(CsvExport.wanted("text/csv;q=abc"));
        assertFalse(CsvExport.wanted(null));
    }
}
