package dev.kotae.index;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RomajiTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "henkin, へんきん",
        "haisou, はいそう",
        "kaiyaku, かいやく",
        "kyanseru, きゃんせる",
        "henpin, へんぴん",
        "shippu, しっぷ",
        "pasuwaado, ぱすわあど",
    })
    void helpCenterWordsInHepburn(String romaji, String hiragana) {
        assertEquals(Optional.of(hiragana), Romaji.toHiragana(romaji));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ryoushuusho", "ryōshūsho", "ryousyuusyo", "ryôsyûsyo", "RyouShuuSho"})
    void hepburnKunreiAndMarkedLongVowelsSpellOneWord(String romaji) {
        assertEquals(Optional.of("りょうしゅうしょ"), Romaji.toHiragana(romaji));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        // Hepburn and kunrei / nihon-shiki spellings of the same kana
        "shi, し", "si, し", "chi, ち", "ti, ち", "tsu, つ", "tu, つ", "fu, ふ", "hu, ふ",
        "ji, じ", "zi, じ", "sha, しゃ", "sya, しゃ", "cha, ちゃ", "tya, ちゃ", "cya, ちゃ",
        "ja, じゃ", "zya, じゃ", "jya, じゃ", "di, ぢ", "du, づ", "chou, ちょう", "tyou, ちょう",
        // long vowels written with a macron or circumflex
        "tōkyō, とうきょう", "TÔKYÔ, とうきょう", "okāsan, おかあさん", "onēsan, おねえさん",
        "chīzu, ちいず", "kūkou, くうこう", "ookii, おおきい",
        // ん: before a consonant, at the end, n' and nn
        "kan'i, かんい", "kanni, かんに", "konnnichiha, こんにちは", "hennkinn, へんきん", "onna, おんな",
        "shinyou, しにょう", "shin'you, しんよう", "hon, ほん",
        // m before b, p, m (Hepburn's variant)
        "shimbun, しんぶん", "sampo, さんぽ", "amma, あんま",
        // doubled consonants, and Hepburn's tch
        "kitte, きって", "zasshi, ざっし", "matcha, まっちゃ", "kekka, けっか", "icchi, いっち",
        // w, v, f rows
        "wa, わ", "wo, を", "wi, うぃ", "we, うぇ", "vu, ゔ", "fairu, ふぁいる",
        // small kana with the x prefix, and the hyphen as the long-vowel mark
        "xa, ぁ", "xtsu, っ", "xtu, っ", "xya, ゃ", "pasuwa-do, ぱすわーど",
    })
    void spellingsOfOneKana(String romaji, String hiragana) {
        assertEquals(Optional.of(hiragana), Romaji.toHiragana(romaji));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"ｈｅｎｋｉｎ", "HENKIN", "Henkin", "ＨＥＮＫＩＮ"})
    void caseAndWidthAreFoldedFirst(String romaji) {
        assertEquals(Optional.of("へんきん"), Romaji.toHiragana(romaji));
    }

    @Test
    void spacesAreKeptAsOneSpaceAndTheEndsTrimmed() {
        assertEquals(Optional.of("へんきん きげん"), Romaji.toHiragana("henkin kigen"));
        assertEquals(Optional.of("へんきん きげん"), Romaji.toHiragana("  henkin \u3000\t kigen  "));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {
        "password", "refund", "the", "login", "cancel", "shipping", "order", "email", "quick",
        "henkin2", "henkin?", "don't", "kit", "", "   ", "ｔｈｅ",
    })
    void textThatRomajiCannotSpellIsEmpty(String text) {
        assertEquals(Optional.empty(), Romaji.toHiragana(text));
    }
}
