package dev.cutout.local;

import dev.cutout.common.config.CommonConfig;
import dev.cutout.common.store.ObjectStoreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.filesystem.FilesystemApiMetadata;
import org.jclouds.filesystem.reference.FilesystemConstants;
import org.jclouds.logging.slf4j.config.SLF4JLoggingModule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real S3 API server in this JVM: s3proxy over jclouds' filesystem backend. Each bucket is a
 * directory under the data directory and each object a file, so a restart on the same directory
 * finds every object again. Requests must be signed (AWS V2 or V4) with the configured keys.
 */
public final class EmbeddedObjectStore implements AutoCloseable {

    /**
     * Where and how the server runs.
     *
     * @param dataDir   directory holding the buckets; created when missing
     * @param host      host name or address to bind and to put in the endpoint
     * @param port      port to listen on; 0 picks a free one
     * @param accessKey access key clients sign with
     * @param secretKey secret key clients sign with
     */
    public record Settings(Path dataDir, String host, int port, String accessKey, String secretKey) {

        public static final String DEFAULT_HOST = "localhost";
        public static final int DEFAULT_PORT = 9000;

        public Settings {
            Objects.requireNonNull(dataDir, "dataDir");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(accessKey, "accessKey");
            Objects.requireNonNull(secretKey, "secretKey");
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("port must be 0..65535, got " + port);
            }
        }

        /** The given directory with the default host, port and the keys services use by default. */
        public static Settings defaults(Path dataDir) {
            return new Settings(dataDir, DEFAULT_HOST, DEFAULT_PORT,
                    CommonConfig.DEFAULT_S3_ACCESS_KEY, CommonConfig.DEFAULT_S3_SECRET_KEY);
        }

        public Settings withPort(int newPort) {
            return new Settings(dataDir, host, newPort, accessKey, secretKey);
        }

        @Override
        public String toString() {
            return "Settings[dataDir=" + dataDir + ", host=" + host + ", port=" + port
                    + ", accessKey=" + accessKey + ", secretKey=[hidden]]";
        }
    }

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedObjectStore.class);
    private static final String SERVER_NAME = "object store (S3)";

    private final Settings settings;
    private BlobStoreContext context;
    private S3Proxy proxy;
    private URI endpoint;

    public EmbeddedObjectStore(Settings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /**
     * Starts the server and returns once it accepts requests.
     *
     * @throws PortInUseException when the port is taken
     * @throws IllegalStateException when already started
     */
    public synchronized EmbeddedObjectStore start() {
        if (proxy != null) {
            throw new IllegalStateException("the embedded object store is already running at " + endpoint);
        }
        if (settings.port() != 0) {
            Ports.requireFree(SERVER_NAME, settings.host(), settings.port());
        }
        Path dir = settings.dataDir().toAbsolutePath();
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the object store directory " + dir, e);
        }
        Properties overrides = new Properties();
        overrides.setProperty(FilesystemConstants.PROPERTY_BASEDIR, dir.toString());
        // By API metadata rather than by id: a lookup by id instantiates every provider on the class path.
        BlobStoreContext newContext = ContextBuilder.newBuilder(new FilesystemApiMetadata())
                .overrides(overrides)
                .modules(List.of(new SLF4JLoggingModule()))
                .build(BlobStoreContext.class);
        S3Proxy newProxy = S3Proxy.builder()
                .blobStore(newContext.getBlobStore())
                .endpoint(URI.create("http://" + settings.host() + ":" + settings.port()))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, settings.accessKey(), settings.secretKey())
                .build();
        try {
            newProxy.start();
        } catch (Exception e) {
            stopQuietly(newProxy);
            newContext.close();
            if (hasCause(e, BindException.class)) {
                throw new PortInUseException(SERVER_NAME, settings.host(), settings.port(), e);
            }
            throw new IllegalStateException("the embedded object store failed to start on "
                    + settings.host() + ":" + settings.port() + ": " + e.getMessage(), e);
        }
        context = newContext;
        proxy = newProxy;
        endpoint = URI.create("http://" + settings.host() + ":" + newProxy.getPort());
        LOG.info("object store (S3 API) listening at {}, data in {}", endpoint, dir);
        return this;
    }

    /** The base URL clients connect to, e.g. {@code http://localhost:9000}. */
    public synchronized URI endpoint() {
        if (endpoint == null) {
            throw new IllegalStateException("the embedded object store is not running");
        }
        return endpoint;
    }

    /** The port actually bound (differs from the settings when they asked for 0). */
    public int port() {
        return endpoint().getPort();
    }

    public Settings settings() {
        return settings;
    }

    /** A client configuration for this server, with the default retries and timeouts. */
    public ObjectStoreConfig clientConfig() {
        return ObjectStoreConfig.of(endpoint().toString(), settings.accessKey(), settings.secretKey());
    }

    /** Stops the server; the data stays in the directory. Safe to call more than once. */
    @Override
    public synchronized void close() {
        if (proxy == null) {
            return;
        }
        stopQuietly(proxy);
        context.close();
        LOG.info("object store at {} stopped", endpoint);
        proxy = null;
        context = null;
        endpoint = null;
    }

    private static void stopQuietly(S3Proxy proxy) {
        try {
            proxy.stop();
        } catch (Exception e) {
            LOG.warn("stopping the embedded object store failed", e);
        }
    }

    private static boolean hasCause(Throwable e, Class<? extends Throwable> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
