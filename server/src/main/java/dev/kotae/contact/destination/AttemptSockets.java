package dev.kotae.contact.destination;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.SocketFactory;

/**
 * The plain sockets of one destination's attempts, so that an attempt past its time can be ended from
 * another thread by closing them. Jakarta Mail's timeouts are per read: a server that sends its greeting
 * a byte every two seconds, under a three-second timeout, held the contact sender's one thread (and every
 * other destination's deliveries) for as long as it liked. A STARTTLS connection is layered on the plain
 * socket, so closing that ends it too. Attempts run one at a time (the contact sender has one thread), so
 * the sockets open now are the current attempt's.
 */
final class AttemptSockets extends SocketFactory {

    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    @Override
    public Socket createSocket() {
        return track(new Socket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return track(new Socket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localAddress, int localPort) throws IOException {
        return track(new Socket(host, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(InetAddress address, int port) throws IOException {
        return track(new Socket(address, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return track(new Socket(address, port, localAddress, localPort));
    }

    private Socket track(Socket socket) {
        open.add(socket);
        return socket;
    }

    /** Closes every socket of the current attempt: its reads and writes fail at once. */
    void closeAll() {
        for (Socket socket : open) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all we wanted; a socket that cannot close is already of no use.
            }
        }
    }

    /** The attempt is over: its sockets are closed by Jakarta Mail, and need not be kept. */
    void forget() {
        open.clear();
    }
}
