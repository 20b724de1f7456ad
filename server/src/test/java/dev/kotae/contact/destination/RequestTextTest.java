package dev.kotae.contact.destination;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.kotae.contact.Priority;
import org.junit.jupiter.api.Test;

/** The words shared by the e-mail and the ticket: one safe subject line, and a body with every field. */
class RequestTextTest {

    @Test
    void oneLineLeavesNoLineBreakOrControlCharacter() {
        assertEquals("a b c d e f", RequestText.oneLine(" a\r\nb\tc\u2028d\u0000e\u0085\u2029 f\n"));
        assertEquals("カード 使えない", RequestText.oneLine("カード\u3000\n使えない"));
        assertEquals("", RequestText.oneLine(null));
    }

    @Test
    void theSubjectLineNamesPriorityAndCategory() {
        assertEquals("[high] お支払い: 二重 請求", RequestText.subjectLine(
                SampleRequests.with("二重\r\n請求", null, "a@example.com", Priority.HIGH)));
    }

    @Test
    void theBodyStartsWithTheDescriptionAndListsEveryField() {
        assertEquals("""
                決済画面で「エラー E-301」と表示されます。
                別のカードでも同じでした。

                --
                Request: req-20261206-0001
                Submitted: 2026-12-06T01:02:03Z
                Category: お支払い (billing)
                Priority: urgent
                Name: 山田 太郎
                E-mail: taro@customer.example
                Subject: カードで支払えません
                Language: ja
                Articles suggested: ja/payment-methods, ja/card-errors
                Articles opened: ja/card-errors
                """, RequestText.body(SampleRequests.japanese()));
        assertEquals(true, RequestText.body(SampleRequests.with("s", " ", "a@example.com", Priority.LOW))
                .contains("Name: (not given)\n"));
    }

    @Test
    void redactReplacesEverySecret() {
        assertEquals("user *** and ***", RequestText.redact("user tok and b64", "tok", "b64", null, ""));
    }
}
