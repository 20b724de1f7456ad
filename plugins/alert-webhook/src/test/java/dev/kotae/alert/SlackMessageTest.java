package dev.kotae.alert;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kotae.alert.SpikeDetector.Alert;
import dev.kotae.alert.SpikeDetector.QueryCount;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlackMessageTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Alert alert(String term, List<QueryCount> top, List<String> also) {
        return new Alert(Instant.parse("2026-11-27T03:00:00Z"), term, 42, 3.5, 1.2, Duration.ofMinutes(10), 12, top, also);
    }

    @Test
    void isSlackShapedWithTermCountsTopQueriesAndLink() throws Exception {
        JsonNode message = JSON.readTree(SlackMessage.json(alert("ログイン",
                List.of(new QueryCount("ログイン", 30), new QueryCount("ログイン できない", 12)), List.of()),
                "https://help.example.com/analytics"));
        String text = message.get("text").asText();
        assertEquals("Search spike: \u201cログイン\u201d searched 42 times in the last 10 min (baseline 3.5, 12.0\u00d7 the baseline)", text);
        JsonNode blocks = message.get("blocks");
        assertTrue(blocks.isArray() && blocks.size() == 4, blocks.toString());
        for (JsonNode block : blocks) {
            assertTrue(List.of("section", "context").contains(block.get("type").asText()), block.toString());
        }
        String all = String.join("\n", mrkdwnTexts(message));
        assertTrue(all.contains("42 searches"), all);
        assertTrue(all.contains("3.5 \u00b1 1.2 per 10 min over the previous 2 h"), all);
        assertTrue(all.contains("\u2022 ログイン \u2014 30\n\u2022 ログイン できない \u2014 12"), all);
        assertTrue(all.contains("<https://help.example.com/analytics?q=%E3%83%AD%E3%82%B0%E3%82%A4%E3%83%B3|Open in analytics>"), all);
    }

    @Test
    void escapesQueriesForMrkdwn() throws Exception {
        String evil = "<!channel> & <https://evil.example|click me>";
        String json = SlackMessage.json(alert(evil, List.of(new QueryCount(evil + " now", 9)), List.of("<@U123>")),
                "https://help.example.com/analytics?lang=ja");
        JsonNode message = JSON.readTree(json);
        List<String> texts = mrkdwnTexts(message);
        texts.add(message.get("text").asText());
        String escaped = "&lt;!channel&gt; &amp; &lt;https://evil.example|click me&gt;";
        assertTrue(message.get("text").asText().contains(escaped), message.get("text").asText());
        for (String text : texts) {
            // The only '<' left is the start of the dashboard link, which is ours.
            String withoutLink = text.replaceAll("<https://help\\.example\\.com/analytics\\?lang=ja&q=[^|<>\\s]+\\|Open in analytics>", "");
            assertFalse(withoutLink.contains("<") || withoutLink.contains(">"), text);
            assertFalse(withoutLink.replace("&amp;", "").replace("&lt;", "").replace("&gt;", "").contains("&"), text);
        }
        String all = String.join("\n", texts);
        assertTrue(all.contains("&lt;@U123&gt;"), all);
        assertTrue(all.contains("q=%3C%21channel%3E%20%26%20%3Chttps%3A%2F%2Fevil.example%7Cclick%20me%3E|Open"), all);
    }

    @Test
    void cutsLongQueriesAndMarksNewTerms() throws Exception {
        String longQuery = "あ".repeat(500);
        Alert alert = new Alert(Instant.EPOCH, longQuery, 20, 0, 0, Duration.ofSeconds(90), 4,
                List.of(new QueryCount(longQuery, 20)), List.of());
        JsonNode message = JSON.readTree(SlackMessage.json(alert, null));
        String text = message.get("text").asText();
        assertTrue(text.contains("あ".repeat(79) + "\u2026\u201d"), text);
        assertFalse(text.contains("あ".repeat(80)), text);
        assertTrue(text.contains("in the last 90 s"), text);
        assertTrue(text.contains("new: no searches in the baseline"), text);
        assertEquals(3, message.get("blocks").size(), "no link, no context block");
    }

    private static List<String> mrkdwnTexts(JsonNode node) {
        List<String> texts = new ArrayList<>();
        if (node.isObject() && "mrkdwn".equals(node.path("type").asText())) {
            texts.add(node.get("text").asText());
        }
        node.forEach(child -> texts.addAll(mrkdwnTexts(child)));
        return texts;
    }
}
