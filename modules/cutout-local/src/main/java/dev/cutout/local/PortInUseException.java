package dev.cutout.local;

/** A server of the local stack cannot start because another process holds its port. */
public final class PortInUseException extends IllegalStateException {

    private final String server;
    private final String host;
    private final int port;

    public PortInUseException(String server, String host, int port, Throwable cause) {
        super(server + " port " + port + " on " + host + " is already in use"
                + " (another `cutout up` or a local Kafka/registry/S3 server?): stop it or choose another port", cause);
        this.server = server;
        this.host = host;
        this.port = port;
    }

    public String server() {
        return server;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }
}
