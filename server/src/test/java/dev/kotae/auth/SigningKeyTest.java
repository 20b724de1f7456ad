package dev.kotae.auth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyTest {

    @TempDir
    Path data;

    @Test
    void aGeneratedSecretIsKeptInTheDataFolderAcrossRestarts() throws Exception {
        byte[] first = SigningKey.load(null, data).derive("session");
        assertTrue(Files.isRegularFile(data.resolve(SigningKey.FILE)));

        assertArrayEquals(first, SigningKey.load(null, data).derive("session"));
    }

    @Test
    void aConfiguredSecretWinsAndIsTheSameOnEveryReplica(@TempDir Path other) throws Exception {
        String secret = "0123456789abcdef0123456789abcdef";
        assertArrayEquals(SigningKey.load(secret, data).derive("csrf"), SigningKey.load(secret, other).derive("csrf"));
        assertFalse(Files.exists(data.resolve(SigningKey.FILE)), "nothing generated when one is configured");
        assertFalse(Arrays.equals(SigningKey.load(null, data).derive("csrf"), SigningKey.load(secret, data).derive("csrf")));
    }

    @Test
    void eachPurposeHasItsOwnKey() {
        SigningKey key = SigningKey.random();
        assertFalse(Arrays.equals(key.derive("session"), key.derive("csrf")));
    }

    @Test
    void aShortConfiguredSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SigningKey.of("too-short"));
    }
}
