package dev.kotae.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP/1.1 exchange over a raw socket, for requests a client library will not send (a body that
 * streams on while the answer is read, a bogus header): the head is written as given, then a body of up
 * to {@code bodyBytes} is streamed from another thread while the answer is read on this one. The
 * stream stops as soon as the answer has arrived or the server closes the connection, so a test can
 * check how much of a huge body the server took before refusing it. Always {@code Connection: close}.
 */
final class RawExchange {

    /** The answer and how many body bytes had been written when it arrived. */
    record Result(int status, Map<String, String> headers, String body, long bodyBytesSent) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private static final int MAX_ANSWER_BYTES = 1 << 20;
    private static final byte[] FILLER = "a".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);

    private RawExchange() {}

    /**
     * @param head the request line and headers, lines separated by CRLF, without the blank line; {@code
     *     Connection: close} is added
     * @param chunked whether the body is sent chunked (else as is, the head declaring a length or not)
     * @param bodyPrefix bytes the body starts with
     * @param bodyBytes the body's total size (the prefix, then filler), sent until the answer arrives
     */
    static Result send(int port, String head, boolean chunked, byte[] bodyPrefix, long bodyBytes) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
            AtomicLong sent = new AtomicLong();
            AtomicBoolean answered = new AtomicBoolean();
            Thread writer = new Thread(() -> stream(out, chunked, bodyPrefix, bodyBytes, sent, answered), "raw-body");
            writer.setDaemon(true);
            writer.start();
            try {
                byte[] answer = readAnswer(socket.getInputStream());
                long sentWhenAnswered = sent.get();
                answered.set(true);
                return parse(answer, sentWhenAnswered);
            } finally {
                answered.set(true);
                socket.close();
                writer.join(10_000);
            }
        }
    }

    private static void stream(OutputStream out, boolean chunked, byte[] prefix, long total, AtomicLong sent,
            AtomicBoolean answered) {
        try {
            long left = total;
            byte[] first = prefix.length > 0 ? prefix : null;
            while (left > 0 && !answered.get()) {
                byte[] piece = first != null ? first : FILLER;
                int length = (int) Math.min(piece.length, left);
                first = null;
                if (chunked) {
                    out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
                }
                out.write(piece, 0, length);
                if (chunked) {
                    out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                }
                sent.addAndGet(length);
                left -= length;
            }
            if (chunked && left == 0) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
        } catch (IOException e) {
            // The server closed the connection: it refused the rest of the body, which is the point.
        }
    }

    /** Reads until the server closes (it answers {@code Connection: close}), at most 1 MiB. */
    private static byte[] readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            int read;
            while (answer.size() < MAX_ANSWER_BYTES && (read = in.read(buffer)) > 0) {
                answer.write(buffer, 0, read);
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("no complete answer within 20 s; got: " + answer.toString(StandardCharsets.UTF_8), e);
        } catch (IOException e) {
            // A reset after the answer (the server closed with our body still coming): keep what arrived.
            if (answer.size() == 0) {
                throw e;
            }
        }
        return answer.toByteArray();
    }

    private static Result parse(byte[] bytes, long sent) {
        int offset = 0;
        int split;
        String head;
        // Skip interim answers (100 Continue).
        while (true) {
            split = indexOf(bytes, offset);
            head = new String(bytes, offset, (split < 0 ? bytes.length : split) - offset, StandardCharsets.ISO_8859_1);
            if (split >= 0 && head.startsWith("HTTP/1.1 1")) {
                offset = split + 4;
            } else {
                break;
            }
        }
        if (head.length() < 12) {
            throw new AssertionError("no answer: '" + head + "'");
        }
        int status = Integer.parseInt(head.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        head.lines().skip(1).filter(line -> line.indexOf(':') > 0).forEach(line -> headers.put(
                line.substring(0, line.indexOf(':')).strip().toLowerCase(Locale.ROOT),
                line.substring(line.indexOf(':') + 1).strip()));
        byte[] body = split < 0 ? new byte[0] : java.util.Arrays.copyOfRange(bytes, split + 4, bytes.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = unchunk(body);
        }
        return new Result(status, headers, new String(body, StandardCharsets.UTF_8), sent);
    }

    private static int indexOf(byte[] bytes, int from) {
        for (int i = from; i + 3 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n' && bytes[i + 2] == '\r' && bytes[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static byte[] unchunk(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int pos = 0;
        while (pos < body.length) {
            int lineEnd = pos;
            while (lineEnd + 1 < body.length && !(body[lineEnd] == '\r' && body[lineEnd + 1] == '\n')) {
                lineEnd++;
            }
            if (lineEnd + 1 >= body.length) {
                break;
            }
            String sizeLine = new String(body, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).strip();
            int semicolon = sizeLine.indexOf(';');
            int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
            if (size == 0) {
                break;
            }
            int end = Math.min(body.length, lineEnd + 2 + size);
            out.write(body, lineEnd + 2, end - lineEnd - 2);
            pos = end + 2;
        }
        return out.toByteArray();
    }
}
