package dev.kotae.bench;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One HTTP/1.1 keep-alive connection that sends GET requests and reads the answers, blocking, on the
 * caller's thread. The load driver shares the two cores with the server, so its own cost per request
 * shows up as server latency: the JDK's HttpClient hands every request between threads and took about
 * as much CPU as a cheap request takes to serve. This is the few lines of HTTP a GET needs (fixed
 * length and chunked bodies, reconnect on {@code Connection: close}), like wrk's.
 */
final class KeepAliveConnection implements Closeable {

    private final URI base;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    KeepAliveConnection(URI base) {
        this.base = base;
    }

    /** Sends {@code GET path} and reads the whole answer; returns its status code. */
    int get(String path) throws IOException {
        if (socket == null) {
            connect();
        }
        out.write(("GET " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nAccept: application/json\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        String statusLine = readLine();
        if (statusLine.length() < 12 || !statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        long length = -1;
        boolean chunked = false;
        boolean close = false;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            switch (name) {
                case "content-length" -> length = Long.parseLong(value);
                case "transfer-encoding" -> chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
                case "connection" -> close = value.equalsIgnoreCase("close");
                default -> { }
            }
        }
        if (chunked) {
            for (long size = Long.parseLong(chunkSize(readLine()), 16); size > 0;
                    size = Long.parseLong(chunkSize(readLine()), 16)) {
                skip(size);
                readLine();
            }
            while (!readLine().isEmpty()) {
                // trailers
            }
        } else if (length >= 0) {
            skip(length);
        } else {
            close = true; // a body that ends with the connection
            while (in.read() >= 0) {
                // drain
            }
        }
        if (close) {
            close();
        }
        return status;
    }

    private static String chunkSize(String line) {
        int extension = line.indexOf(';');
        return (extension < 0 ? line : line.substring(0, extension)).trim();
    }

    private void connect() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
        socket.setSoTimeout(30_000);
        in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
        out = socket.getOutputStream();
    }

    private String readLine() throws IOException {
        StringBuilder line = new StringBuilder(64);
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed mid-answer");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    private void skip(long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            long skipped = in.skip(left);
            if (skipped <= 0) {
                if (in.read() < 0) {
                    throw new EOFException("connection closed mid-body");
                }
                skipped = 1;
            }
            left -= skipped;
        }
    }

    @Override
    public void close() throws IOException {
        if (socket != null) {
            socket.close();
            socket = null;
        }
    }
}
