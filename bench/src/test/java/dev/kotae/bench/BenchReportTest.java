package dev.kotae.bench;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The table shows what was measured, including a server faster than its baseline. */
class BenchReportTest {

    @Test
    void aMedianBelowItsBaselineIsShownAsANegativeDifference() {
        BenchReport report = new BenchReport("bench", List.of(10_000));
        report.put(10_000, BenchReport.Row.search(1, false), new Latency(0.37, 0.96, 2_503));
        report.put(10_000, BenchReport.Row.plainHttp(1), new Latency(0.44, 0.92, 2_101));
        report.put(10_000, BenchReport.Row.plain(1), new Latency(0.26, 0.57, 3_486));
        String table = report.table();
        assertTrue(table.contains("| HTTP c=1 median − plain Lucene on bare Jetty c=1 median (ms) | −0.07 |"), table);
        assertTrue(table.contains("| HTTP c=1 median − plain Lucene c=1 median (ms) | 0.11 |"), table);
    }
}
