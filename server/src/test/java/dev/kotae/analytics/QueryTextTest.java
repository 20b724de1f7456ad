package dev.kotae.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class QueryTextTest {

    @Test
    void masksEmailAddresses() {
        assertEquals("連絡先 [email] です", QueryText.masked("連絡先 taro.yamada+shop@example.co.jp です"));
        assertEquals("[email]", QueryText.masked("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ")); // full-width, folded first
    }

    @Test
    void masksJapaneseAndInternationalPhoneNumbers() {
        assertEquals("電話 [phone] まで", QueryText.masked("電話 090-1234-5678 まで"));
        assertEquals("電話[phone]", QueryText.masked("電話０３−１２３４−５６７８".replace('−', '-')));
        assertEquals("[phone]", QueryText.masked("09012345678"));
        assertEquals("[phone]", QueryText.masked("(03) 1234-5678"));
        assertEquals("call [phone] now", QueryText.masked("call +81 90-1234-5678 now"));
        assertEquals("call [phone]", QueryText.masked("call +1-202-555-0143"));
    }

    @Test
    void masksCardLikeNumbers() {
        assertEquals("card [card]", QueryText.masked("card 4111 1111 1111 1111"));
        assertEquals("[card]", QueryText.masked("4111-1111-1111-1111"));
        assertEquals("[card]", QueryText.masked("378282246310005"));
    }

    /** Spaces typed twice, or around a dash, hide no number; a masked query masks to itself. */
    @Test
    void numbersGroupedByRunsOfSpacesOrSpacedDashesAreMaskedToo() {
        assertEquals("返金 [phone]", QueryText.masked("返金 03  1234  5678"));
        assertEquals("tel [phone]", QueryText.masked("tel 03 - 1234 - 5678"));
        assertEquals("card [card]", QueryText.masked("card 4111  1111  1111  1111"));
        assertEquals("a b", QueryText.masked("a \t\n b"), "runs of white space are one space");
        for (String query : new String[] {"返金 03  1234  5678", "card 4111 - 1111 - 1111 - 1111", "taro@example.jp",
                "a336 +6030+353889"}) {
            String masked = QueryText.masked(query);
            assertEquals(masked, QueryText.masked(masked), query);
        }
    }

    @Test
    void aLongQueryIsCutNeverBetweenTheHalvesOfASurrogatePair() {
        String cut = QueryText.masked("a".repeat(QueryText.MAX_LENGTH - 1) + "😀😀");
        assertEquals(QueryText.MAX_LENGTH - 1, cut.length(), "the pair that would be split is left out whole");
        assertEquals(QueryText.MAX_LENGTH, QueryText.masked("a".repeat(QueryText.MAX_LENGTH + 5)).length());
    }

    @Test
    void leavesOrdinaryNumbersAlone() {
        assertEquals("注文番号 12345 の返金", QueryText.masked("注文番号 12345 の返金"));
        assertEquals("2026年11月の請求", QueryText.masked("2026年11月の請求"));
        assertEquals("iphone 15 pro", QueryText.normalized(QueryText.masked("iPhone 15 Pro")));
    }

    @Test
    void normalisesForGrouping() {
        assertEquals("refund policy", QueryText.normalized(QueryText.masked("  ＲＥＦＵＮＤ\u3000  Policy ")));
        assertEquals("ｶﾞ".length() > 0 ? "ガ" : "", QueryText.normalized(QueryText.masked("ｶﾞ")));
        assertNull(QueryText.masked(null));
    }
}
