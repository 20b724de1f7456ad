package dev.kotae.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import dev.kotae.ManualClock;
import dev.kotae.UsersCli;
import dev.kotae.auth.AccountStore;
import dev.kotae.auth.SignInThrottle;
import dev.kotae.config.ServerConfig;
import dev.kotae.config.SiteConfig;
import dev.kotae.http.BrowserCookies;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Named accounts over real HTTP: a person added with {@code kotae users} signs in on {@code /login} and sees
 * internal articles; {@code kotae users disable} signs them out on their next request; wrong passwords are
 * slowed per account (from many addresses, through a trusted proxy's {@code X-Forwarded-For}) and per
 * address (many names), with 429 and {@code Retry-After}, and the right password works once the throttle's
 * clock has moved on; the password is never in the logs, the accounts file or a response.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AccountSignInIT {

    private static final String PLAYBOOK = "refund-approval";
    private static final String HANAKO_PASSWORD = "花子の長いパスフレーズ-7";
    private static final String TARO_PASSWORD = "taro: correct horse battery";
    private static final String JIRO_PASSWORD = "jiro-no-aikotoba-2026";
    private static final String SABURO_PASSWORD = "saburo's own long passphrase";
    private static final List<String> PASSWORDS = List.of(HANAKO_PASSWORD, TARO_PASSWORD, JIRO_PASSWORD,
            SABURO_PASSWORD);

    @TempDir
    static Path work;
    static KotaeServer server;
    static final ManualClock CLOCK = new ManualClock("2026-12-05T09:00:00Z");
    static final ListAppender<ILoggingEvent> LOGS = new ListAppender<>();
    /** Every response body and header seen, to look for a password in. */
    static final StringBuilder RESPONSES = new StringBuilder();

    /** A clock the test moves by hand: the sign-in throttles refill by it. */
    @BeforeAll
    static void start() throws Exception {
        LOGS.start();
        rootLogger().addAppender(LOGS);
        Path data = Files.createDirectories(work.resolve("data"));
        assertEquals(0, users(HANAKO_PASSWORD, "add", "Hanako", "--role", "editor", "--email", "hanako@example.com",
                "--password-stdin"));
        assertEquals(0, users(TARO_PASSWORD, "add", "taro", "--role", "agent", "--password-stdin"));
        assertEquals(0, users(JIRO_PASSWORD, "add", "jiro", "--role", "agent", "--password-stdin"));
        assertEquals(0, users(SABURO_PASSWORD, "add", "saburo", "--role", "agent", "--password-stdin"));
        assertTrue(Files.exists(data.resolve(AccountStore.FILE)));
        server = KotaeServer.withSignInClock(work, CLOCK,
                config -> config.withServer(ServerConfig.defaults().withTrustedProxies(List.of("127.0.0.1"))));
    }

    @AfterAll
    static void stop() throws Exception {
        rootLogger().detachAppender(LOGS);
        if (server != null) {
            server.close();
        }
    }

    private static ch.qos.logback.classic.Logger rootLogger() {
        return (ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    }

    /** Runs {@code kotae users …} in-process on the server's data folder; the exit code. */
    static int users(String stdin, String... args) {
        UsersCli run = UsersCli.run(work.resolve("data"), stdin + "\n", Map.of(), args);
        RESPONSES.append(run.out()).append(run.err()); // the command's own output must not show a password either
        return run.exitCode();
    }

    /** A browser behind the trusted proxy at 127.0.0.1, which says the client is {@code address}. */
    private static SiteBrowser browser(String address) {
        return new SiteBrowser(server.baseUrl(), Map.of("X-Forwarded-For", address),
                response -> RESPONSES.append(response.headers().map()).append('\n').append(response.body()).append('\n'));
    }

    @Test
    @Order(1)
    void aPersonAddedWithTheCliSignsInSeesInternalArticlesAndIsSignedOutByDisable() {
        SiteBrowser browser = browser("198.51.100.1");
        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status(), "not before signing in");
        SiteBrowser.Page form = browser.get("/login");
        Element passwordForm = form.html().selectFirst("form.password-form");
        assertNotNull(passwordForm, form.body());
        assertNotNull(passwordForm.selectFirst("input[name=name]"));
        assertNotNull(passwordForm.selectFirst("input[name=password][type=password]"));
        assertNotNull(form.html().selectFirst("form.login-form input[name=token]"), "the token form is still there");
        String csrfCookie = browser.cookies.get(BrowserCookies.CSRF);

        SiteBrowser.Page signedIn = browser.post("/login", Map.of("csrf", csrf(form), "name", " HANAKO ", "password",
                HANAKO_PASSWORD, "next", "/articles/" + PLAYBOOK));
        assertEquals(303, signedIn.status(), signedIn.body());
        assertEquals("/articles/" + PLAYBOOK, URI.create(signedIn.header("location")).getPath());
        assertNotNull(browser.cookies.get(BrowserCookies.SESSION));
        assertNotEquals(csrfCookie, browser.cookies.get(BrowserCookies.CSRF), "a fresh CSRF binding");
        // As long-lived as the session: a tab restored after the browser restarted still posts its forms.
        long session = SiteConfig.DEFAULT_AGENT_SESSION.toSeconds();
        for (String cookie : List.of(BrowserCookies.SESSION, BrowserCookies.CSRF)) {
            String set = signedIn.headers().allValues("set-cookie").stream().filter(c -> c.startsWith(cookie + "="))
                    .findFirst().orElse("none in " + signedIn.headers().map());
            assertTrue(set.toLowerCase(java.util.Locale.ROOT).contains("max-age=" + session), set);
        }

        SiteBrowser.Page article = browser.get("/articles/" + PLAYBOOK);
        assertEquals(200, article.status(), "a signed-in editor sees the playbook");
        assertTrue(article.body().contains("hanako"), "the page names who is signed in");

        assertEquals(0, users("", "disable", "hanako"));
        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status(), "anonymous on the very next request");
        assertNull(browser.get("/login").html().selectFirst(".notice[role=status]"), "not signed in");
        SiteBrowser.Page refused = browser.post("/login", Map.of("csrf", csrf(browser.get("/login")), "name", "hanako",
                "password", HANAKO_PASSWORD, "next", "/"));
        assertEquals(401, refused.status(), "a disabled account cannot sign in");

        assertEquals(0, users("", "enable", "hanako"));
        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status(), "enabling does not revive the old session");
        SiteBrowser.Page again = browser.post("/login", Map.of("csrf", csrf(browser.get("/login")), "name", "hanako",
                "password", HANAKO_PASSWORD, "next", "/"));
        assertEquals(303, again.status(), again.body());
        assertEquals(200, browser.get("/articles/" + PLAYBOOK).status());
    }

    @Test
    @Order(2)
    void aWrongPasswordAndAnUnknownNameGetTheSameAnswerAndTheFormKeepsOnlyTheName() {
        SiteBrowser browser = browser("198.51.100.2");
        SiteBrowser.Page wrong = browser.post("/login", Map.of("csrf", csrf(browser.get("/login")), "name", "jiro",
                "password", "not jiro's password", "next", "/"));
        SiteBrowser.Page unknown = browser.post("/login", Map.of("csrf", csrf(browser.get("/login")), "name", "no-such-person",
                "password", JIRO_PASSWORD, "next", "/"));
        assertEquals(401, wrong.status());
        assertEquals(401, unknown.status());
        assertEquals(errorText(wrong), errorText(unknown), "the words never say whether the name exists");
        assertEquals("jiro", wrong.html().selectFirst("form.password-form input[name=name]").attr("value"));
        assertEquals("", wrong.html().selectFirst("form.password-form input[name=password]").attr("value"));
        assertFalse(wrong.body().contains("not jiro's password"), "the password typed is never shown again");
    }

    @Test
    @Order(3)
    void wrongPasswordsForOneAccountFromManyAddressesAreThrottledAndTheRightOneWorksAfterTheWait() {
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            SiteBrowser guesser = browser("203.0.113." + (i + 1));
            SiteBrowser.Page failed = guesser.post("/login", Map.of("csrf", csrf(guesser.get("/login")), "name", "taro",
                    "password", "guess number " + i, "next", "/"));
            assertEquals(401, failed.status(), "try " + i);
        }
        SiteBrowser taro = browser("203.0.113.200");
        SiteBrowser.Page throttled = taro.post("/login", Map.of("csrf", csrf(taro.get("/login")), "name", "taro",
                "password", TARO_PASSWORD, "next", "/"));
        assertEquals(429, throttled.status(), "even the right password waits, from a fresh address");
        assertTrue(Long.parseLong(throttled.header("retry-after")) >= 1, throttled.header("retry-after"));
        assertNotNull(throttled.html().selectFirst("form.password-form"), "the form again, with the message");

        // An unknown name is throttled just the same, with the same words.
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            SiteBrowser guesser = browser("203.0.114." + (i + 1));
            guesser.post("/login", Map.of("csrf", csrf(guesser.get("/login")), "name", "ghost",
                    "password", "guess number " + i, "next", "/"));
        }
        SiteBrowser ghost = browser("203.0.114.200");
        SiteBrowser.Page ghostThrottled = ghost.post("/login", Map.of("csrf", csrf(ghost.get("/login")), "name", "ghost",
                "password", "one more guess", "next", "/"));
        assertEquals(429, ghostThrottled.status());
        assertEquals(errorText(throttled), errorText(ghostThrottled));

        SiteBrowser other = browser("203.0.113.201");
        assertEquals(303, other.post("/login", Map.of("csrf", csrf(other.get("/login")), "name", "jiro",
                "password", JIRO_PASSWORD, "next", "/")).status(), "another account is not slowed");

        CLOCK.advance(Duration.ofMinutes(1));
        SiteBrowser.Page later = taro.post("/login", Map.of("csrf", csrf(taro.get("/login")), "name", "taro",
                "password", TARO_PASSWORD, "next", "/"));
        assertEquals(303, later.status(), later.body());
        assertEquals(200, taro.get("/articles/" + PLAYBOOK).status());
    }

    @Test
    @Order(4)
    void oneAddressTryingManyNamesIsThrottledAndTheRightPasswordWorksAfterTheWait() {
        SiteBrowser guesser = browser("192.0.2.50");
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            SiteBrowser.Page failed = guesser.post("/login", Map.of("csrf", csrf(guesser.get("/login")), "name", "person" + i,
                    "password", "a guessed password", "next", "/"));
            assertEquals(401, failed.status(), "try " + i);
        }
        SiteBrowser.Page throttled = guesser.post("/login", Map.of("csrf", csrf(guesser.get("/login")), "name", "jiro",
                "password", JIRO_PASSWORD, "next", "/"));
        assertEquals(429, throttled.status());
        assertTrue(Long.parseLong(throttled.header("retry-after")) >= 1, throttled.header("retry-after"));
        SiteBrowser.Page token = guesser.post("/login", Map.of("csrf", csrf(guesser.get("/login")), "token",
                KotaeServer.AGENT_TOKEN, "next", "/"));
        assertEquals(429, token.status(), "wrong passwords and wrong tokens share the address's allowance");

        SiteBrowser neighbour = browser("192.0.2.51");
        assertEquals(303, neighbour.post("/login", Map.of("csrf", csrf(neighbour.get("/login")), "name", "jiro",
                "password", JIRO_PASSWORD, "next", "/")).status(), "another address is not slowed, nor the account");

        CLOCK.advance(Duration.ofMinutes(1));
        assertEquals(303, guesser.post("/login", Map.of("csrf", csrf(guesser.get("/login")), "name", "jiro",
                "password", JIRO_PASSWORD, "next", "/")).status());
    }

    @Test
    @Order(5)
    void aPasswordResetAndARoleChangeEachEndTheSession() {
        SiteBrowser browser = browser("198.51.100.3");
        assertEquals(303, browser.post("/login", Map.of("csrf", csrf(browser.get("/login")), "name", "jiro",
                "password", JIRO_PASSWORD, "next", "/")).status());
        assertEquals(200, browser.get("/articles/" + PLAYBOOK).status());
        assertEquals(0, users("", "role", "jiro", "editor"));
        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status(), "the role changed: sign in again");

        assertEquals(303, browser.post("/login", Map.of("csrf", csrf(browser.get("/login")), "name", "jiro",
                "password", JIRO_PASSWORD, "next", "/")).status());
        assertEquals(0, users(JIRO_PASSWORD, "reset", "jiro", "--password-stdin"));
        assertEquals(404, browser.get("/articles/" + PLAYBOOK).status(), "the password was reset: sign in again");
    }

    /**
     * Someone spending saburo's allowance with wrong passwords from one address keeps out every browser that
     * never signed in as saburo, but not saburo's own: its device cookie (from an earlier sign-in) takes it
     * past the name's throttle, from another address too. A forged cookie or another name's does nothing.
     */
    @Test
    @Order(6)
    void aBrowserThatSignedInBeforeStillSignsInWhileAStrangerSpendsTheAccountsAllowance() {
        SiteBrowser owner = browser("198.51.100.20");
        SiteBrowser.Page first = owner.post("/login", Map.of("csrf", csrf(owner.get("/login")), "name", "saburo",
                "password", SABURO_PASSWORD, "next", "/"));
        assertEquals(303, first.status(), first.body());
        String setDevice = first.headers().allValues("set-cookie").stream()
                .filter(c -> c.startsWith(BrowserCookies.DEVICE + "=")).findFirst().orElse("none in " + first.headers().map());
        String attributes = setDevice.toLowerCase(java.util.Locale.ROOT);
        assertTrue(attributes.contains("httponly") && attributes.contains("samesite=lax")
                && attributes.contains("secure") && attributes.contains("max-age=" + Duration.ofDays(90).toSeconds()),
                setDevice);
        String device = owner.cookies.get(BrowserCookies.DEVICE);
        assertNotNull(device);

        SiteBrowser jirosBrowser = browser("198.51.100.21");
        assertEquals(303, jirosBrowser.post("/login", Map.of("csrf", csrf(jirosBrowser.get("/login")), "name", "jiro",
                "password", JIRO_PASSWORD, "next", "/")).status());

        SiteBrowser attacker = browser("192.0.2.66");
        for (int i = 0; i < SignInThrottle.FAILURES_PER_MINUTE; i++) {
            SiteBrowser.Page failed = attacker.post("/login", Map.of("csrf", csrf(attacker.get("/login")), "name", "saburo",
                    "password", "guess number " + i, "next", "/"));
            assertEquals(401, failed.status(), "try " + i);
        }
        SiteBrowser elsewhere = browser("198.51.100.22");
        assertEquals(429, elsewhere.post("/login", Map.of("csrf", csrf(elsewhere.get("/login")), "name", "saburo",
                "password", SABURO_PASSWORD, "next", "/")).status(), "a browser that never signed in as saburo waits");

        int dot = device.indexOf('.');
        String altered = device.substring(0, dot + 1) + (device.charAt(dot + 1) == 'A' ? 'B' : 'A')
                + device.substring(dot + 2);
        String otherKey = new dev.kotae.auth.DeviceCookies(dev.kotae.auth.SigningKey.random(), CLOCK).issue("saburo");
        for (String forged : List.of(altered, otherKey, jirosBrowser.cookies.get(BrowserCookies.DEVICE))) {
            SiteBrowser forger = browser("198.51.100.23");
            forger.cookies.put(BrowserCookies.DEVICE, forged);
            assertEquals(429, forger.post("/login", Map.of("csrf", csrf(forger.get("/login")), "name", "saburo",
                    "password", SABURO_PASSWORD, "next", "/")).status(), "a forged or another name's cookie: " + forged);
        }

        SiteBrowser ownerElsewhere = browser("198.51.100.24"); // the same browser, now on another network
        ownerElsewhere.cookies.putAll(owner.cookies);
        ownerElsewhere.cookies.remove(BrowserCookies.SESSION);
        assertEquals(404, ownerElsewhere.get("/articles/" + PLAYBOOK).status(), "signed out");
        SiteBrowser.Page again = ownerElsewhere.post("/login", Map.of("csrf", csrf(ownerElsewhere.get("/login")), "name", "saburo",
                "password", SABURO_PASSWORD, "next", "/"));
        assertEquals(303, again.status(), again.body());
        assertEquals(200, ownerElsewhere.get("/articles/" + PLAYBOOK).status());
        assertNotEquals(device, ownerElsewhere.cookies.get(BrowserCookies.DEVICE), "renewed on each sign-in");
    }

    @Test
    @Order(100)
    void thePasswordsAreNeverInTheLogsTheAccountsFileOrAnyResponse() throws IOException {
        String logs = LOGS.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy())))
                .collect(Collectors.joining("\n"));
        assertTrue(logs.contains("Accounts file changed"), "the capture works: " + logs);
        String file = Files.readString(work.resolve("data").resolve(AccountStore.FILE), StandardCharsets.UTF_8);
        assertTrue(file.contains("$argon2id$"), file);
        assertTrue(RESPONSES.length() > 10_000, "responses were captured");
        for (String password : PASSWORDS) {
            assertFalse(logs.contains(password), "in the logs: " + password);
            assertFalse(file.contains(password), "in the accounts file: " + password);
            assertFalse(RESPONSES.toString().contains(password), "in a response: " + password);
            String encoded = URLEncoder.encode(password, StandardCharsets.UTF_8);
            assertFalse(logs.contains(encoded) || RESPONSES.toString().contains(encoded), "form-encoded: " + password);
        }
    }

    private static String csrf(SiteBrowser.Page page) {
        return page.html().selectFirst("form.password-form input[name=csrf]").attr("value");
    }

    private static String errorText(SiteBrowser.Page page) {
        Element error = page.html().selectFirst("#login-error");
        assertNotNull(error, page.body());
        return error.text();
    }
}
