package dev.kotae.plugin.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A receiver on 127.0.0.1 that takes one HTTP request and answers with a body longer than anyone should
 * read: a byte at a time with a pause between (a destination that trickles), or as fast as it can (one
 * that sends hundreds of megabytes). It counts what it sent and notices when the client hangs up. For
 * testing that a plugin's (or the server's) outgoing calls end within their time limit and read no more
 * of an answer than they need.
 */
public final class EndlessAnswer implements AutoCloseable {

    private final ServerSocket server;
    private final Thread thread;
    private final AtomicLong sent = new AtomicLong();
    private final CountDownLatch hungUp = new CountDownLatch(1);
    private volatile Socket client;

    /**
     * @param status the answer's status
     * @param length the body's declared length
     * @param pause the pause after each byte; zero sends 64 KiB at a time without pausing
     * @throws IOException when no port on 127.0.0.1 is free
     */
    public EndlessAnswer(int status, long length, Duration pause) throws IOException {
        server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        thread = new Thread(() -> answer(status, length, pause), "endless-answer");
        thread.setDaemon(true);
        thread.start();
    }

    /** The address of {@code path} on this receiver. */
    public String url(String path) {
        String host = server.getInetAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + server.getLocalPort() + path;
    }

    /** How many bytes of the body went out before the client hung up (or all of them). */
    public long sent() {
        return sent.get();
    }

    /** Waits until the client closed the connection before the whole body was sent. */
    public boolean awaitHangUp(Duration wait) throws InterruptedException {
        return hungUp.await(wait.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private void answer(int status, long length, Duration pause) {
        try (Socket socket = accepted(server.accept())) {
            readRequest(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            out.write(("HTTP/1.1 " + status + " Whatever\r\nContent-Type: application/json\r\nContent-Length: " + length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[pause.isZero() ? 64 * 1024 : 1];
            java.util.Arrays.fill(chunk, (byte) ' ');
            while (sent.get() < length) {
                int n = (int) Math.min(chunk.length, length - sent.get());
                out.write(chunk, 0, n);
                out.flush();
                sent.addAndGet(n);
                if (!pause.isZero()) {
                    Thread.sleep(pause.toMillis()); // the trickle's pace, not a wait for an outcome
                }
            }
        } catch (IOException e) {
            hungUp.countDown();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Socket accepted(Socket socket) {
        client = socket;
        return socket;
    }

    /** Reads the request line, headers and a body of the declared length. */
    private static void readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        long length = 0;
        for (String line : head.toString(StandardCharsets.ISO_8859_1).split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Long.parseLong(line.substring(line.indexOf(':') + 1).strip());
            }
        }
        in.readNBytes((int) length);
    }

    @Override
    public void close() throws IOException {
        thread.interrupt();
        server.close();
        Socket accepted = client;
        if (accepted != null) {
            accepted.close(); // a writer blocked on a full buffer ends too
        }
    }
}
