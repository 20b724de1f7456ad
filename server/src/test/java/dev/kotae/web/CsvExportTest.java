package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
