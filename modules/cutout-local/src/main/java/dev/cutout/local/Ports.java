package dev.cutout.local;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/** Checks a port before a server binds it, so that a conflict names the port instead of a bind stack trace. */
public final class Ports {

    private Ports() {
    }

    /** Throws {@link PortInUseException} naming {@code server} when {@code host:port} cannot be bound. */
    public static void requireFree(String server, String host, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            // Without SO_REUSEADDR a port in TIME_WAIT from our own previous run would look busy.
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getByName(host), port));
        } catch (IOException e) {
            throw new PortInUseException(server, host, port, e);
        }
    }

    /** A port that was free a moment ago; for tests that start their own servers. */
    public static int freePort() {
        return freePorts(1)[0];
    }

    /** {@code n} distinct ports that were free a moment ago: all are held open until all are found. */
    public static int[] freePorts(int n) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int[] ports = new int[n];
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0);
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
            return ports;
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // the port is released either way once the process ends
                }
            }
        }
    }
}
