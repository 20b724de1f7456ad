package dev.kotae.contact.destination;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import dev.kotae.contact.ContactRequest;
import dev.kotae.contact.DeliveryException;
import dev.kotae.contact.Priority;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The e-mail destination against real SMTP servers on 127.0.0.1: GreenMail, and a scripted one for refusals. */
class SmtpDestinationTest {

    private static final String PASSWORD = "pw-Kq7!secret";

    @RegisterExtension
    static final GreenMailExtension MAIL = new GreenMailExtension(
            new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort())
            .withConfiguration(GreenMailConfiguration.aConfig().withUser("kotae@help.example", "kotae", PASSWORD));

    private static Map<String, String> settings(int port) {
        Map<String, String> settings = new HashMap<>();
        settings.put("type", "smtp");
        settings.put("host", "127.0.0.1");
        settings.put("port", Integer.toString(port));
        settings.put("tls", "none");
        settings.put("from", "kotae@help.example");
        settings.put("to", "support@help.example, lead@help.example");
        settings.put("timeoutSeconds", "2");
        return settings;
    }

    private static SmtpDestination destination(Map<String, String> settings) {
        return SmtpDestination.fromSettings("support-mail", settings);
    }

    private static SmtpDestination greenMail() {
        return destination(settings(MAIL.getSmtp().getPort()));
    }

    private static MimeMessage onlyMessage() {
        assertTrue(MAIL.waitForIncomingEmail(5000, 2), "the SMTP server received the mail");
        MimeMessage[] received = MAIL.getReceivedMessages();
        // One mail to two recipients is stored once per recipient.
        assertEquals(2, received.length, "one copy for each of the two recipients, nothing else");
        return received[0];
    }

    @Test
    void sendsOneMailWithSubjectPriorityReplyToAndJapaneseTextIntact() throws Exception {
        ContactRequest request = SampleRequests.japanese();
        greenMail().deliver(request);

        MimeMessage mail = onlyMessage();
        assertEquals("[urgent] お支払い: カードで支払えません", mail.getSubject());
        assertArrayEquals(new Address[] {new InternetAddress("kotae@help.example")}, mail.getFrom());
        assertArrayEquals(new Address[] {new InternetAddress("support@help.example"), new InternetAddress("lead@help.example")},
                mail.getRecipients(Message.RecipientType.TO));
        InternetAddress replyTo = (InternetAddress) mail.getReplyTo()[0];
        assertEquals(1, mail.getReplyTo().length);
        assertEquals("taro@customer.example", replyTo.getAddress());
        assertEquals("山田 太郎", replyTo.getPersonal());
        assertEquals("req-20261206-0001", mail.getHeader("X-Kotae-Request-Id", null));
        assertEquals("1 (Highest)", mail.getHeader("X-Priority", null));
        assertEquals("high", mail.getHeader("Importance", null));
        assertEquals("<kotae.req-20261206-0001@help.example>", mail.getMessageID());
        assertTrue(mail.getContentType().toLowerCase().contains("charset=utf-8"), mail.getContentType());

        // Text travels in MIME's canonical form, CRLF line ends; mail clients show either the same.
        String body = ((String) mail.getContent()).replace("\r\n", "\n");
        assertTrue(body.startsWith("決済画面で「エラー E-301」と表示されます。\n別のカードでも同じでした。\n"), body);
        for (String field : new String[] {"Request: req-20261206-0001", "Submitted: 2026-12-06T01:02:03Z",
                "Category: お支払い (billing)", "Priority: urgent", "Name: 山田 太郎", "E-mail: taro@customer.example",
                "Subject: カードで支払えません", "Language: ja", "Articles suggested: ja/payment-methods, ja/card-errors",
                "Articles opened: ja/card-errors"}) {
            assertTrue(body.lines().anyMatch(field::equals), "the body has a line " + field + ":\n" + body);
        }
    }

    @Test
    void marksHighButNotNormalOrLow() throws Exception {
        greenMail().deliver(SampleRequests.with("件名", null, "taro@customer.example", Priority.HIGH));
        MimeMessage high = onlyMessage();
        assertEquals("2 (High)", high.getHeader("X-Priority", null));
        assertEquals("high", high.getHeader("Importance", null));
        assertEquals("taro@customer.example", ((InternetAddress) high.getReplyTo()[0]).toString(),
                "no name: the bare address");

        MAIL.purgeEmailFromAllMailboxes();
        greenMail().deliver(SampleRequests.with("件名", null, "taro@customer.example", Priority.NORMAL));
        MimeMessage normal = onlyMessage();
        assertEquals(null, normal.getHeader("X-Priority"));
        assertEquals(null, normal.getHeader("Importance"));
        assertEquals("[normal] お支払い: 件名", normal.getSubject());
    }

    @Test
    void lineBreaksInSubjectOrNameCannotAddHeaders() throws Exception {
        greenMail().deliver(SampleRequests.with("Refund\r\nBcc: evil@attacker.example\r\n\r\nfake body",
                "Taro\nBcc: evil2@attacker.example", "taro@customer.example", Priority.LOW));

        MimeMessage mail = onlyMessage();
        assertEquals("[low] お支払い: Refund Bcc: evil@attacker.example fake body", mail.getSubject());
        assertEquals("Taro Bcc: evil2@attacker.example", ((InternetAddress) mail.getReplyTo()[0]).getPersonal());
        assertEquals(null, mail.getHeader("Bcc"));
        assertEquals(0, MAIL.getReceivedMessagesForDomain("attacker.example").length, "nobody else got it");
        ByteArrayOutputStream raw = new ByteArrayOutputStream();
        mail.writeTo(raw);
        String headers = raw.toString(StandardCharsets.US_ASCII).split("\r\n\r\n", 2)[0];
        for (String line : headers.split("\r\n")) {
            assertFalse(line.regionMatches(true, 0, "Bcc:", 0, 4), "an injected header line: " + headers);
        }
    }

    @Test
    void refusesACustomerAddressWithALineBreakOrSeveralAddresses() {
        for (String email : new String[] {"taro@customer.example\r\nBcc: evil@attacker.example",
                "taro@customer.example, evil@attacker.example", "not an address"}) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> greenMail().deliver(SampleRequests.with("件名", "Taro", email, Priority.NORMAL)), email);
            assertTrue(e.permanent(), "sending it again cannot help: " + email);
        }
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void authenticatesWithTheConfiguredUser() throws Exception {
        Map<String, String> settings = settings(MAIL.getSmtp().getPort());
        settings.put("username", "kotae");
        settings.put("password", PASSWORD);
        destination(settings).deliver(SampleRequests.japanese());
        onlyMessage();
    }

    @Test
    void aRefusedLoginIsPermanentAndNeverShowsThePassword() {
        Map<String, String> settings = settings(MAIL.getSmtp().getPort());
        settings.put("username", "kotae");
        settings.put("password", "wrong-" + PASSWORD);
        SmtpDestination destination = destination(settings);
        DeliveryException e = assertThrows(DeliveryException.class, () -> destination.deliver(SampleRequests.japanese()));
        assertTrue(e.permanent(), e.getMessage());
        assertTrue(e.getMessage().contains("535"), "the server's answer: " + e.getMessage());
        assertFalse(e.getMessage().contains(PASSWORD), e.getMessage());
        assertFalse(destination.toString().contains(PASSWORD), destination.toString());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void byDefaultNothingIsSentToAServerWithoutStartTls() {
        // The plain GreenMail server offers no STARTTLS: the default refuses it rather than fall back to plain text.
        Map<String, String> settings = settings(MAIL.getSmtp().getPort());
        settings.remove("tls");
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> destination(settings).deliver(SampleRequests.japanese()));
        assertTrue(e.getMessage().contains("STARTTLS"), e.getMessage());
        assertEquals(0, MAIL.getReceivedMessages().length);
    }

    @Test
    void nothingIsSentOverTlsToAServerWhoseCertificateIsNotTrusted() {
        // GreenMail's SMTPS server presents a self-signed certificate that no trust store holds.
        ServerSetup setup = new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTPS).dynamicPort();
        // Starting with TLS can take longer than GreenMail's default 2 s on a busy machine.
        setup.setServerStartupTimeout(30_000);
        GreenMail smtps = new GreenMail(setup);
        smtps.start();
        try {
            Map<String, String> settings = settings(smtps.getSmtps().getPort());
            settings.put("tls", "tls");
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> destination(settings).deliver(SampleRequests.japanese()));
            assertTrue(e.getMessage().contains("certificat") || e.getMessage().contains("PKIX"), e.getMessage());
            assertEquals(0, smtps.getReceivedMessages().length);
        } finally {
            smtps.stop();
        }
    }

    @Test
    void aRefused5xxAnswerIsPermanentAndA4xxIsRetried() throws Exception {
        try (ScriptedSmtpServer refusing = new ScriptedSmtpServer("550 5.1.1 <support@help.example>: user unknown",
                "250 OK")) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> destination(settings(refusing.port())).deliver(SampleRequests.japanese()));
            assertTrue(e.permanent(), e.getMessage());
            assertTrue(e.getMessage().contains("550 5.1.1"), e.getMessage());
            assertFalse(refusing.commands.contains("DATA"), "with a recipient refused nothing is sent to the others");
        }
        try (ScriptedSmtpServer greylisting = new ScriptedSmtpServer("250 OK", "451 4.7.1 greylisted, try later")) {
            DeliveryException e = assertThrows(DeliveryException.class,
                    () -> destination(settings(greylisting.port())).deliver(SampleRequests.japanese()));
            assertFalse(e.permanent(), e.getMessage());
            assertTrue(e.getMessage().contains("451 4.7.1"), e.getMessage());
        }
    }

    @Test
    void aServerThatIsDownIsRetried() throws Exception {
        int port;
        try (ServerSocket closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = closed.getLocalPort();
        }
        DeliveryException e = assertThrows(DeliveryException.class,
                () -> destination(settings(port)).deliver(SampleRequests.japanese()));
        assertFalse(e.permanent(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    @Test
    void aServerThatNeverAnswersIsGivenUpOnAfterTheTimeout() throws Exception {
        // Connections wait in the backlog, never accepted: the client connects and waits for a greeting.
        try (ServerSocket silent = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            Map<String, String> settings = settings(silent.getLocalPort());
            settings.put("timeoutSeconds", "1");
            DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(15), () -> assertThrows(
                    DeliveryException.class, () -> destination(settings).deliver(SampleRequests.japanese())));
            assertFalse(e.permanent(), e.getMessage());
        }
    }

    @Test
    void aServerThatTricklesItsGreetingIsGivenUpOnAtTheTimeout() throws Exception {
        // "220-" and then a byte every 100 ms, each well within the per-read timeout: Jakarta Mail's own
        // timeouts never fire, and this held the contact sender's one thread for as long as it went on.
        assertGivenUpOnAtTheTimeout("none", "220-".getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void anSmtpsServerThatTricklesItsHandshakeIsGivenUpOnAtTheTimeout() throws Exception {
        // A TLS record announcing 16 KiB of handshake, then a byte every 100 ms: every read of the client's
        // handshake is within the per-read timeout, so before, SMTPS (which kept Jakarta Mail's own sockets)
        // held the contact sender's one thread for the half hour this record takes.
        assertGivenUpOnAtTheTimeout("tls", new byte[] {0x16, 0x03, 0x03, 0x3f, (byte) 0xff}); // handshake, 16383 bytes
    }

    /**
     * A server that sends {@code start} and then a byte every 100 ms for as long as the client listens: an
     * attempt with {@code tls} and a 1 s timeout ends after about that second, and hangs up.
     */
    private void assertGivenUpOnAtTheTimeout(String tls, byte[] start) throws Exception {
        try (ServerSocket trickling = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
            CountDownLatch hungUp = new CountDownLatch(1);
            Thread server = new Thread(() -> {
                try (Socket client = trickling.accept()) {
                    OutputStream out = client.getOutputStream();
                    out.write(start);
                    while (true) {
                        out.write('x');
                        out.flush();
                        Thread.sleep(100); // the trickle's pace, not a wait for an outcome
                    }
                } catch (IOException e) {
                    hungUp.countDown();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "trickling-smtp");
            server.setDaemon(true);
            server.start();
            Map<String, String> settings = settings(trickling.getLocalPort());
            settings.put("tls", tls);
            settings.put("timeoutSeconds", "1");
            DeliveryException e = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThrows(
                    DeliveryException.class, () -> destination(settings).deliver(SampleRequests.japanese())));
            assertFalse(e.permanent(), e.getMessage());
            assertEquals("the SMTP server did not finish within 1 s", e.getMessage());
            assertTrue(hungUp.await(30, TimeUnit.SECONDS), "the connection is closed");
            server.interrupt();
        }
    }

    @Test
    void aServerThatTricklesItsReplyToQuitHoldsNothingAndTheMailCountsAsSent() throws Exception {
        // The mail was accepted; QUIT's reply then never ends. The deadline covers QUIT too, and a failed
        // QUIT after an accepted mail is not a failure (that would send the mail again).
        try (ScriptedSmtpServer slowToPart = new ScriptedSmtpServer("250 OK", "250 OK queued")) {
            slowToPart.tricklesQuitReply = true;
            Map<String, String> settings = settings(slowToPart.port());
            settings.put("timeoutSeconds", "1");
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> destination(settings).deliver(SampleRequests.japanese()));
            assertTrue(slowToPart.commands.contains("QUIT"), slowToPart.commands.toString());
        }
    }
}
