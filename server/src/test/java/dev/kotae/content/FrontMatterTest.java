package dev.kotae.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class FrontMatterTest {

    @Test
    void textOnOneLineIsAValueAsItIs() {
        for (String value : new String[] {"返金の時期と方法", "ﾍﾝｷﾝ", "tab\tinside", "emoji 😀 (a pair)", "", "« α »"}) {
            assertNull(FrontMatter.problemWith(value), value);
        }
    }

    @Test
    void eachKindOfNonValueIsNamed() {
        for (String lineBreak : new String[] {"a\nb", "a\rb", "a\u0085b", "a\u2028b", "a\u2029b"}) {
            assertEquals("must be a single line", FrontMatter.problemWith(lineBreak), lineBreak);
        }
        for (String control : new String[] {"a\u0000", "a\u0007", "a\u007f", "a\u0090"}) {
            assertEquals("must not contain control characters", FrontMatter.problemWith(control), control);
        }
        for (String notText : new String[] {"a\ud800", "\udfffa", "a\ufffe", "a\uffff"}) {
            assertEquals("must be text: no unpaired surrogate, U+FFFE or U+FFFF", FrontMatter.problemWith(notText));
        }
    }
}
