package dev.kotae.source.csv;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.Set;

/**
 * Turns a sheet's bytes into text: the {@code encoding} setting's names and the {@code auto} detection.
 *
 * <p>Japanese Excel saves "CSV UTF-8" with a byte order mark and plain "CSV (コンマ区切り)" in Windows-31J
 * (CP932), without any marker. So {@code auto} takes a BOM at its word, then tries strict UTF-8 (text in
 * any other Japanese encoding is practically never valid UTF-8), and otherwise reads Windows-31J.
 */
final class Encodings {

    /** The {@code encoding} value that asks for detection. */
    static final String AUTO = "auto";

    /** Microsoft's Shift_JIS, which is what Excel and Windows actually write. */
    static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    /*
     * Java's "Shift_JIS" is JIS X 0208 only: it has no ① or Ⅱ (NEC specials), and maps 0x8160 to WAVE DASH
     * U+301C where Windows means FULLWIDTH TILDE U+FF5E. Anyone who writes "Shift_JIS" means the Windows
     * flavour, so every name for it reads as windows-31j.
     */
    private static final Set<String> WINDOWS_31J_NAMES =
            Set.of("shift_jis", "shift-jis", "sjis", "x-sjis", "cp932", "ms932", "windows-31j", "windows31j");

    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final byte[] UTF16LE_BOM = {(byte) 0xFF, (byte) 0xFE};
    private static final byte[] UTF16BE_BOM = {(byte) 0xFE, (byte) 0xFF};

    private Encodings() {}

    /**
     * Text decoded from a file.
     *
     * @param text the content, without a byte order mark
     * @param charset the encoding it was read in
     */
    record Decoded(String text, Charset charset) {}

    /**
     * Checks an {@code encoding} setting and gives its canonical form: {@code auto} or a charset name.
     *
     * @throws IllegalArgumentException naming the allowed values
     */
    static String canonicalName(String setting) {
        if (Text.isBlank(setting) || setting.strip().equalsIgnoreCase(AUTO)) {
            return AUTO;
        }
        String name = setting.strip();
        if (WINDOWS_31J_NAMES.contains(name.toLowerCase(Locale.ROOT))) {
            return WINDOWS_31J.name();
        }
        try {
            return Charset.forName(name).name();
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            throw new IllegalArgumentException(
                    "unknown encoding '" + name + "'; use auto, UTF-8 or windows-31j (Shift_JIS, CP932)");
        }
    }

    /**
     * Decodes a file's bytes.
     *
     * @param encoding {@code auto} or a name accepted by {@link #canonicalName}
     * @throws CharacterCodingException when the bytes are not valid in the chosen encoding; the message gives
     *     the byte offset
     */
    static Decoded decode(byte[] bytes, String encoding) throws CharacterCodingException {
        String name = canonicalName(encoding);
        if (name.equals(AUTO)) {
            return detect(bytes);
        }
        Charset charset = Charset.forName(name);
        int skip = charset.equals(StandardCharsets.UTF_8) && startsWith(bytes, UTF8_BOM) ? UTF8_BOM.length : 0;
        return new Decoded(withoutBom(strict(bytes, skip, charset)), charset);
    }

    private static Decoded detect(byte[] bytes) throws CharacterCodingException {
        if (startsWith(bytes, UTF8_BOM)) {
            return new Decoded(strict(bytes, UTF8_BOM.length, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        }
        // Excel's "Unicode text" export (tab-separated) is UTF-16 with a BOM; cheap to honour.
        if (startsWith(bytes, UTF16LE_BOM)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16LE), StandardCharsets.UTF_16LE);
        }
        if (startsWith(bytes, UTF16BE_BOM)) {
            return new Decoded(strict(bytes, 2, StandardCharsets.UTF_16BE), StandardCharsets.UTF_16BE);
        }
        try {
            return new Decoded(strict(bytes, 0, StandardCharsets.UTF_8), StandardCharsets.UTF_8);
        } catch (CharacterCodingException notUtf8) {
            try {
                return new Decoded(strict(bytes, 0, WINDOWS_31J), WINDOWS_31J);
            } catch (CharacterCodingException neither) {
                throw new Undecodable("neither UTF-8 (" + notUtf8.getMessage() + ") nor windows-31j ("
                        + neither.getMessage() + "); set the file's encoding");
            }
        }
    }

    /** Decodes, reporting (not replacing) malformed bytes, so a wrong guess is never published as mojibake. */
    private static String strict(byte[] bytes, int offset, Charset charset) throws CharacterCodingException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
        CharBuffer out = CharBuffer.allocate((int) Math.ceil(in.remaining() * (double) decoder.maxCharsPerByte()) + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            // The decoder stops at the first bad sequence; its position is the offset in the file.
            throw new Undecodable("not valid " + charset.name() + " at byte " + in.position());
        }
        return out.flip().toString();
    }

    /** {@link CharacterCodingException} has no message of its own; this one says where and why. */
    static final class Undecodable extends CharacterCodingException {

        private static final long serialVersionUID = 1L;
        private final String message;

        Undecodable(String message) {
            this.message = message;
        }

        @Override
        public String getMessage() {
            return message;
        }
    }

    private static String withoutBom(String text) {
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static boolean startsWith(byte[] bytes, byte[] prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (bytes[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
