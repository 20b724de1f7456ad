package dev.kotae.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Every quote of a sheet is paired, or the line of the odd one is named. */
class QuoteBalanceTest {

    private static OptionalLong check(String... rows) {
        return QuoteBalance.unbalancedLine(String.join("\r\n", rows) + "\r\n", ',');
    }

    @Test
    void wellFormedSheetsAsSpreadsheetsSaveThemBalance() {
        assertEquals(OptionalLong.empty(), check("質問,回答", "Q1,\"A, with comma\"", "Q2,\"line one\r\nline two\"",
                "Q3,\"27\"\" monitor\"", "Q4,\"\"", "\"Q5\",A5"));
        assertEquals(OptionalLong.empty(), QuoteBalance.unbalancedLine("質問\t回答\nQ\t\"A\tB\"\n", '\t'));
    }

    @Test
    void aQuotedCellThatNeverEndsIsReportedWhereItStarts() {
        assertEquals(OptionalLong.of(3), check("質問,回答", "Q1,A1", "Q2,\"unclosed answer", "Q3,A3"));
    }

    @Test
    void textAfterAClosingQuoteIsReportedWhereTheCellStarts() {
        assertEquals(OptionalLong.of(3), check("質問,回答", "Q1,A1", "Q2,\"unbalanced", "Q3,\"A3\"", "Q4,A4"));
    }

    @Test
    void aLostOpeningQuoteIsReportedOnTheLineOfItsPartner() {
        // "line one\r\nline two, more" lost its opening quote: the rows parse, mangled, without this check
        assertEquals(OptionalLong.of(4), check("質問,回答", "Q1,A1", "Q2,line one", "line two, more\"", "Q3,A3"));
        assertEquals(OptionalLong.of(2), check("質問,回答", "Q2,a, b\"", "Q3,A3"));
        assertEquals(OptionalLong.of(5), check("質問,回答", "Q1,\"a quoted cell", "over two lines\"", "Q2,line one",
                "line two, more\"", "Q3,A3"), "a well-formed multi-line cell before it does not mislead");
    }
}
