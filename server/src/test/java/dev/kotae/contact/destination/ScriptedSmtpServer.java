package dev.kotae.contact.destination;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An SMTP server on 127.0.0.1 that answers {@code RCPT TO} and the end of {@code DATA} with the replies a test
 * chooses (a {@code 550}, a {@code 451}), for the answers GreenMail does not give. It speaks just enough SMTP
 * for one client: greeting, EHLO, MAIL, RCPT, DATA, RSET, NOOP, QUIT.
 */
final class ScriptedSmtpServer implements AutoCloseable {

    private final ServerSocket socket;
    private final String rcptReply;
    private final String dataReply;
    private final Thread thread;
    /** The commands the client sent, in order (the message's own lines are not kept). */
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** Whether the reply to QUIT is sent a byte every 100 ms, never ending, instead of at once. */
    volatile boolean tricklesQuitReply;

    ScriptedSmtpServer(String rcptReply, String dataReply) throws IOException {
        this.socket = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.rcptReply = rcptReply;
        this.dataReply = dataReply;
        this.thread = new Thread(this::serve, "scripted-smtp");
        thread.setDaemon(true);
        thread.start();
    }

    int port() {
        return socket.getLocalPort();
    }

    private void serve() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                converse(client);
            } catch (IOException e) {
                // Closed by the test, or the client hung up: wait for the next one.
            }
        }
    }

    private void converse(Socket client) throws IOException {
        BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
        OutputStream out = client.getOutputStream();
        reply(out, "220 scripted.test ESMTP");
        String line;
        while ((line = in.readLine()) != null) {
            commands.add(line);
            String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase(Locale.ROOT);
            switch (verb) {
                case "EHLO", "HELO" -> reply(out, "250 scripted.test");
                case "MAIL", "RSET", "NOOP" -> reply(out, "250 OK");
                case "RCPT" -> reply(out, rcptReply);
                case "DATA" -> {
                    reply(out, "354 go on");
                    String body;
                    while ((body = in.readLine()) != null && !body.equals(".")) {
                        // The message itself is not what these tests look at.
                    }
                    reply(out, dataReply);
                }
                case "QUIT" -> {
                    if (tricklesQuitReply) {
                        trickle(out, "221-");
                    }
                    reply(out, "221 bye");
                    return;
                }
                default -> reply(out, "502 not implemented");
            }
        }
    }

    /** {@code start}, then a byte every 100 ms until the client hangs up. */
    private static void trickle(OutputStream out, String start) throws IOException {
        out.write(start.getBytes(StandardCharsets.US_ASCII));
        while (true) {
            out.write('x');
            out.flush();
            try {
                Thread.sleep(100); // the trickle's pace, not a wait for an outcome
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
