package dev.kotae.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** Where the sign-in form may send the browser afterwards: a path on this site, never anywhere else. */
class SignInPagesTest {

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "//evil.com",
        "//evil.com/articles/x",
        "/\\evil.com",
        "/\\/evil.com",
        "\\\\evil.com",
        "https://evil.com",
        "http://evil.com/",
        "HTTPS://evil.com",
        "javascript:alert(1)",
        "JavaScript:alert(document.cookie)",
        "data:text/html,<script>alert(1)</script>",
        "evil.com",
        "articles/x",
        " /articles/x",
        "/articles/x\r\nSet-Cookie: a=b",
        "/articles/x\nLocation: https://evil.com",
        "/\tevil.com",
        // Local paths that are no valid URI: once a 500 after a successful sign-in (URI.create threw).
        "/search?q=\"x\"",
        "/<x>",
        "/a|b",
        "/%zz",
        "/a#b#c",
        "/a\u00a0b",
        "/a\u0085b",
        "/./\\evil.com",
    })
    void foreignOrOddTargetsGoHome(String next) {
        assertEquals("/", SignInPages.safeNext(next), () -> "next=" + next);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "/",
        "/articles/x?y=1",
        "/articles/refund-approval",
        "/search?q=%E8%BF%94%E9%87%91&category=c&page=2",
        "/articles/x#feedback",
        "/search?q=返金",
    })
    void pathsOnThisSiteAreKept(String next) {
        assertEquals(next, SignInPages.safeNext(next));
    }

    @ParameterizedTest
    @ValueSource(ints = {600, 5000})
    void overlongTargetsGoHome(int length) {
        assertEquals("/", SignInPages.safeNext("/" + "a".repeat(length)));
    }
}
