package dev.kotae.source.csv;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EncodingsTest {

    private static final Charset WINDOWS_31J = Charset.forName("windows-31j");
    private static final String JAPANESE = "「返品・返金について」①～③";

    private static byte[] withUtf8Bom(String text) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        byte[] bytes = new byte[body.length + 3];
        bytes[0] = (byte) 0xEF;
        bytes[1] = (byte) 0xBB;
        bytes[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bytes, 3, body.length);
        return bytes;
    }

    @Test
    void autoTakesABomAsUtf8AndDropsIt() throws Exception {
        Encodings.Decoded decoded = Encodings.decode(withUtf8Bom("質問,回答"), "auto");

        assertEquals("質問,回答", decoded.text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
    }

    @Test
    void autoReadsValidUtf8WithoutBomAsUtf8() throws Exception {
        Encodings.Decoded decoded = Encodings.decode(JAPANESE.getBytes(StandardCharsets.UTF_8), null);

        assertEquals(JAPANESE, decoded.text());
        assertEquals(StandardCharsets.UTF_8, decoded.charset());
    }

    @Test
    void autoFallsBackToWindows31j() throws Exception {
        Encodings.Decoded decoded = Encodings.decode(JAPANESE.getBytes(WINDOWS_31J), "auto");

        assertEquals(JAPANESE, decoded.text());
        assertEquals(WINDOWS_31J, decoded.charset());
    }

    @Test
    void shiftJisMeansTheWindowsFlavour() throws Exception {
        // 0x8160 is ～ in Windows; Java's strict Shift_JIS would make it WAVE DASH U+301C.
        byte[] tilde = {(byte) 0x81, (byte) 0x60};

        assertEquals("\uFF5E", Encodings.decode(tilde, "Shift_JIS").text());
        assertEquals("\uFF5E", Encodings.decode(tilde, "sjis").text());
        assertEquals("windows-31j", Encodings.canonicalName("CP932"));
        assertEquals("windows-31j", Encodings.canonicalName("MS932"));
    }

    @Test
    void explicitUtf8DropsABomToo() throws Exception {
        assertEquals("id", Encodings.decode(withUtf8Bom("id"), "UTF-8").text());
    }

    @Test
    void autoHonoursAUtf16Bom() throws Exception {
        byte[] body = "質問\t回答".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);

        assertEquals("質問\t回答", Encodings.decode(bytes, "auto").text());
    }

    @Test
    void bytesValidInNeitherEncodingAreReportedNotGuessed() {
        // 0x81 starts a two-byte character in windows-31j and can never start one in UTF-8; 0x20 ends neither.
        byte[] broken = {'o', 'k', (byte) 0x81, 0x20};

        CharacterCodingException e = assertThrows(CharacterCodingException.class,
                () -> Encodings.decode(broken, "auto"));

        assertTrue(e.getMessage().contains("neither UTF-8"), e.getMessage());
        assertTrue(e.getMessage().contains("at byte 2"), e.getMessage());
    }

    @Test
    void unknownEncodingNamesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Encodings.canonicalName("sjis-ish"));

        assertTrue(e.getMessage().contains("use auto, UTF-8 or windows-31j"), e.getMessage());
    }
}
