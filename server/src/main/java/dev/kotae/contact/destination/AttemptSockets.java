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
 * other destination's deliveries) for as long as it liked. A STARTTLS or SMTPS connection is layered on the
 * plain socket, so closing that ends it too. Attempts run one at a time (the contact sender has one thread); each
 * gets a set of its own ({@link #begin}), so a late deadline of one can never close the next one's sockets.
 */
final class AttemptSockets extends SocketFactory {

    private volatile Set<Socket> attempt = ConcurrentHashMap.newKeySet();

    /** Starts an attempt: the sockets made from now on are in the set returned. */
    Set<Socket> begin() {
        Set<Socket> sockets = ConcurrentHashMap.newKeySet();
        attempt = sockets;
        return sockets;
    }

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
        attempt.add(socket);
        return socket;
    }

    /** Closes every socket of an attempt: its reads and writes fail at once. */
    static void closeAll(Set<Socket> sockets) {
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException e) {
                // Closing is all we wanted; a socket that cannot close is already of no use.
            }
        }
    }
}
