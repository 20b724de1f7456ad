package dev.kotae.contact.destination;

import dev.kotae.contact.ContactRequest;
import dev.kotae.contact.DeliveryException;
import dev.kotae.contact.Destination;
import dev.kotae.contact.Priority;
import dev.kotae.util.DaemonThreads;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import java.io.UnsupportedEncodingException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.eclipse.angus.mail.smtp.SMTPSenderFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends each contact request as one plain-text e-mail through an SMTP server (Eclipse Angus Mail, the
 * Jakarta Mail implementation). The mail's subject is {@code [<priority>] <category label>: <subject>}, its
 * body every field of the request ({@link RequestText#body}), its {@code Reply-To} the customer, so that
 * answering the mail answers the customer; {@code X-Kotae-Request-Id} carries the request's id, and urgent
 * and high requests are marked with {@code X-Priority} and {@code Importance} for mail clients that sort by it.
 *
 * <p>Nothing the customer typed reaches a header as more than one line: the subject and name are folded to
 * one line ({@link RequestText#oneLine}), and an e-mail address that is not one plain, valid address is
 * refused (a permanent failure) rather than repaired.
 *
 * <p>Failures: a 5xx answer (recipient unknown, message refused, authentication refused) is permanent, since
 * sending the same mail again gets the same answer; no connection, a time-out, or a 4xx answer (greylisting,
 * a full mailbox, a busy server) is worth retrying. Every attempt sends the same {@code Message-ID}, so a mail
 * that got through before a failure was reported shows once in clients that collapse duplicates.
 *
 * <p>Thread-safe: each delivery opens its own connection.
 */
public final class SmtpDestination implements Destination {

    /** The {@code type} that selects this destination in the configuration. */
    public static final String TYPE = "smtp";

    private static final Logger LOG = LoggerFactory.getLogger(SmtpDestination.class);

    // What may stand between '<' and '@' of a Message-ID (RFC 5322 dot-atom, kept to the safe letters).
    private static final Pattern MESSAGE_ID_PART = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
    // The reply code at the start of an SMTP answer quoted in an exception message ("535 5.7.8 ...").
    private static final Pattern REPLY_CODE = Pattern.compile("^\\s*([2-5])\\d\\d\\b");

    /** Ends attempts past their time: one daemon thread for every SMTP destination, idle but for that. */
    private static final ScheduledThreadPoolExecutor DEADLINES = deadlines();

    private final String name;
    private final SmtpSettings settings;
    private final AttemptSockets sockets = new AttemptSockets();
    private final Session session;

    private static ScheduledThreadPoolExecutor deadlines() {
        ScheduledThreadPoolExecutor deadlines = new ScheduledThreadPoolExecutor(1,
                DaemonThreads.named("kotae-smtp-deadline"));
        deadlines.setRemoveOnCancelPolicy(true); // a deadline met leaves nothing queued
        return deadlines;
    }

    /** A destination named {@code name} that sends with {@code settings}. */
    public SmtpDestination(String name, SmtpSettings settings) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a contact destination of type smtp needs a name");
        }
        this.name = name;
        this.settings = settings;
        Properties properties = properties(settings);
        // Every connection starts on a plain socket of ours, which the deadline can close: STARTTLS is layered
        // on it later, and for SMTPS (no mail.smtp.ssl.socketFactory set) Jakarta Mail layers TLS on the socket
        // this factory made, with the default SSL socket factory and the same server identity check.
        properties.put("mail.smtp.socketFactory", sockets);
        properties.setProperty("mail.smtp.socketFactory.fallback", "false");
        this.session = Session.getInstance(properties);
    }

    /**
     * Builds the destination from its block of settings ({@link SmtpSettings} lists them).
     *
     * @throws IllegalArgumentException naming the missing, unknown or bad setting
     */
    public static SmtpDestination fromSettings(String name, Map<String, String> settings) {
        return new SmtpDestination(name, SmtpSettings.parse(name, settings));
    }

    @Override
    public String name() {
        return name;
    }

    /** The settings it sends with. */
    public SmtpSettings settings() {
        return settings;
    }

    @Override
    public void deliver(ContactRequest request) throws DeliveryException {
        MimeMessage message = message(request);
        Transport transport;
        try {
            transport = session.getTransport("smtp");
        } catch (MessagingException e) {
            throw new DeliveryException("no SMTP transport: " + e.getMessage(), null, true);
        }
        Set<Socket> attempt = sockets.begin();
        AtomicBoolean late = new AtomicBoolean();
        ScheduledFuture<?> deadline = DEADLINES.schedule(() -> {
            late.set(true);
            AttemptSockets.closeAll(attempt);
        }, settings.timeout().toMillis(), TimeUnit.MILLISECONDS);
        try {
            transport.connect(settings.host(), settings.port(), settings.username(), settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException e) {
            if (late.get()) {
                throw new DeliveryException("the SMTP server did not finish within " + settings.timeout().toSeconds()
                        + " s", null);
            }
            throw failure(e);
        } finally {
            try {
                transport.close(); // QUIT, and its reply, are within the deadline too
            } catch (MessagingException e) {
                // After the server accepted the mail a failed QUIT changes nothing: reporting it would make the
                // request be sent again. After a failure the failure is what matters.
                LOG.debug("{}: closing the SMTP connection failed: {}", name, e.toString());
            }
            deadline.cancel(false);
        }
        LOG.info("{}: contact request {} sent by e-mail to {} recipient(s)", name, request.id(), settings.to().size());
    }

    /** Like a record's, with the password hidden. */
    @Override
    public String toString() {
        return "SmtpDestination[name=" + name + ", settings=" + settings + "]";
    }

    /** The mail for {@code request}; a customer address that is not one plain, valid address is refused. */
    private MimeMessage message(ContactRequest request) throws DeliveryException {
        try {
            MimeMessage message = new RequestMessage(session, messageId(request.id()));
            message.setFrom(new InternetAddress(settings.from()));
            for (String to : settings.to()) {
                message.addRecipient(Message.RecipientType.TO, new InternetAddress(to));
            }
            message.setReplyTo(new InternetAddress[] {customer(request)});
            message.setSubject(RequestText.subjectLine(request), StandardCharsets.UTF_8.name());
            message.setText(RequestText.body(request), StandardCharsets.UTF_8.name());
            message.setHeader("X-Kotae-Request-Id", headerValue(request.id()));
            if (request.priority() == Priority.URGENT) {
                message.setHeader("X-Priority", "1 (Highest)");
                message.setHeader("Importance", "high");
            } else if (request.priority() == Priority.HIGH) {
                message.setHeader("X-Priority", "2 (High)");
                message.setHeader("Importance", "high");
            }
            message.saveChanges();
            return message;
        } catch (MessagingException e) {
            throw new DeliveryException("the mail could not be built: " + e.getMessage(), e, true);
        }
    }

    private static InternetAddress customer(ContactRequest request) throws DeliveryException {
        String email = request.email();
        // A line break in an address is how a header is injected; no address needs one, so nothing is repaired.
        boolean control = email.chars().anyMatch(c -> c < ' ' || c == 0x7f || c == 0x2028 || c == 0x2029);
        try {
            if (control) {
                throw new AddressException("control character");
            }
            InternetAddress parsed = new InternetAddress(email.strip(), true);
            parsed.validate();
            if (parsed.isGroup() || parsed.getPersonal() != null) {
                throw new AddressException("not a plain address");
            }
            String personal = request.name() == null ? "" : RequestText.oneLine(request.name());
            return personal.isEmpty() ? new InternetAddress(parsed.getAddress())
                    : new InternetAddress(parsed.getAddress(), personal, StandardCharsets.UTF_8.name());
        } catch (AddressException | UnsupportedEncodingException e) {
            throw new DeliveryException("the customer's e-mail address is not one valid address; the request "
                    + "cannot be answered by mail", null, true);
        }
    }

    private String messageId(String requestId) {
        String domain = settings.from().substring(settings.from().lastIndexOf('@') + 1);
        return MESSAGE_ID_PART.matcher(requestId).matches() && MESSAGE_ID_PART.matcher(domain).matches()
                ? "<kotae." + requestId + "@" + domain + ">"
                : null;
    }

    private static String headerValue(String value) throws MessagingException {
        try {
            return MimeUtility.encodeText(RequestText.oneLine(value), StandardCharsets.UTF_8.name(), null);
        } catch (UnsupportedEncodingException e) {
            throw new MessagingException("UTF-8 is not supported", e);
        }
    }

    /**
     * What went wrong, as admins should read it: the server's own answer where there is one. Permanent when any
     * answer in the chain is 5xx; otherwise (no connection, a time-out, a 4xx) worth retrying.
     */
    private DeliveryException failure(MessagingException e) {
        Integer code = null;
        String answer = null;
        Deque<Throwable> pending = new ArrayDeque<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        pending.add(e);
        while (!pending.isEmpty()) {
            Throwable t = pending.removeFirst();
            if (!seen.add(t)) {
                continue;
            }
            Integer found = replyCode(t);
            if (found != null && (code == null || found > code)) {
                code = found;
                answer = t.getMessage();
            }
            if (t instanceof MessagingException m && m.getNextException() != null) {
                pending.add(m.getNextException());
            }
            if (t.getCause() != null) {
                pending.add(t.getCause());
            }
        }
        String secret = settings.password();
        if (code != null && code >= 500) {
            return new DeliveryException(RequestText.redact("the SMTP server refused: "
                    + RequestText.oneLine(answer), secret), null, true);
        }
        String what = code != null ? "the SMTP server deferred the mail: " + RequestText.oneLine(answer)
                : "sending by SMTP to " + settings.host() + ":" + settings.port() + " failed: "
                        + RequestText.oneLine(describe(e));
        return new DeliveryException(RequestText.redact(what, secret), null, false);
    }

    private static Integer replyCode(Throwable t) {
        if (t instanceof SMTPSendFailedException s) {
            return s.getReturnCode();
        }
        if (t instanceof SMTPAddressFailedException s) {
            return s.getReturnCode();
        }
        if (t instanceof SMTPSenderFailedException s) {
            return s.getReturnCode();
        }
        if (t instanceof AuthenticationFailedException && t.getMessage() != null) {
            Matcher matcher = REPLY_CODE.matcher(t.getMessage());
            // No code: no mechanism both sides support, which sending again does not change either.
            return matcher.find() ? Integer.parseInt(matcher.group().strip()) : 500;
        }
        return null;
    }

    // The exception's message and the root cause's ("Couldn't connect ...: Connection refused").
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + root + ")";
    }

    private static Properties properties(SmtpSettings settings) {
        Properties properties = new Properties();
        String millis = Long.toString(settings.timeout().toMillis());
        properties.setProperty("mail.smtp.host", settings.host());
        properties.setProperty("mail.smtp.port", Integer.toString(settings.port()));
        properties.setProperty("mail.smtp.connectiontimeout", millis);
        properties.setProperty("mail.smtp.timeout", millis);
        properties.setProperty("mail.smtp.writetimeout", millis);
        properties.setProperty("mail.smtp.auth", Boolean.toString(settings.username() != null));
        // All recipients or none: a mail that reached some is not sent again to all of them on a retry.
        properties.setProperty("mail.smtp.sendpartial", "false");
        switch (settings.tls()) {
            case STARTTLS -> {
                properties.setProperty("mail.smtp.starttls.enable", "true");
                properties.setProperty("mail.smtp.starttls.required", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case TLS -> {
                properties.setProperty("mail.smtp.ssl.enable", "true");
                properties.setProperty("mail.smtp.ssl.checkserveridentity", "true");
            }
            case NONE -> {
                // Plain text, as configured: for a relay on the same host or a trusted network.
            }
        }
        return properties;
    }

    /** A mail whose Message-ID is the same on every attempt for one request. */
    private static final class RequestMessage extends MimeMessage {

        private final String messageId;

        RequestMessage(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            if (messageId == null) {
                super.updateMessageID();
            } else {
                setHeader("Message-ID", messageId);
            }
        }
    }
}
