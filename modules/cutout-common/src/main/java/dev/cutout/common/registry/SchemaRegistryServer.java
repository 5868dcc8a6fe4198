package dev.cutout.common.registry;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.CommonClientConfigs;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process schema registry speaking the Confluent Schema Registry REST API, for the
 * embedded stack and tests. Avro only, no schema references, no deletes. Every registration and
 * config change is stored, before it is acknowledged, as a record in a compacted single-partition
 * Kafka topic ({@code _schemas} by convention, created if absent with the broker's default
 * replication factor), and the state is rebuilt from that topic at start, so ids and versions
 * survive a restart. The server must be the only writer of its topic. New subjects follow the
 * global compatibility level, BACKWARD unless changed.
 *
 * <pre>{@code
 * try (SchemaRegistryServer registry = new SchemaRegistryServer("localhost:9092", "_schemas", 8081).start()) {
 *   SchemaRegistryClient client = new SchemaRegistryClient(registry.url());
 * }
 * }</pre>
 */
public final class SchemaRegistryServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SchemaRegistryServer.class);

  private final SchemaLog log;
  private final String host;
  private final int requestedPort;
  private final String description;
  private HttpServer http;
  private ExecutorService executor;

  /**
   * A registry listening on 127.0.0.1:{@code port} that keeps its schemas in {@code topic}.
   *
   * @param bootstrapServers the Kafka cluster, e.g. localhost:9092
   * @param topic the compacted topic that stores the schemas, e.g. _schemas
   * @param port the HTTP port; 0 takes any free one (see {@link #url()})
   */
  public SchemaRegistryServer(String bootstrapServers, String topic, int port) {
    this(Map.of(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), topic, "127.0.0.1", port);
  }

  /**
   * A registry listening on {@code host:port} whose Kafka clients use {@code kafkaClientConfig}
   * (bootstrap.servers and, where needed, security settings).
   */
  public SchemaRegistryServer(Map<String, Object> kafkaClientConfig, String topic, String host, int port) {
    this(new KafkaSchemaLog(kafkaClientConfig, topic), host, port,
        "Kafka topic " + topic + " on " + kafkaClientConfig.get(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG));
  }

  private SchemaRegistryServer(SchemaLog log, String host, int port, String description) {
    this.log = log;
    this.host = host;
    this.requestedPort = port;
    this.description = description;
  }

  /** A registry that keeps its schemas in memory only: they are gone after {@link #close()}. */
  public static SchemaRegistryServer inMemory(int port) {
    return new SchemaRegistryServer(new InMemorySchemaLog(), "127.0.0.1", port, "memory");
  }

  /**
   * Rebuilds the state from storage and starts serving.
   *
   * @throws UncheckedIOException when the port is taken
   * @throws IllegalStateException when the storage topic cannot be prepared or read
   */
  public synchronized SchemaRegistryServer start() {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    SchemaRegistryService registry = new SchemaRegistryService(log);
    try {
      registry.load();
      http = HttpServer.create(new InetSocketAddress(host, requestedPort), 50);
    } catch (BindException e) {
      log.close();
      throw new UncheckedIOException("Schema registry cannot listen on " + host + ":" + requestedPort
          + ": the port is already in use", e);
    } catch (IOException e) {
      log.close();
      throw new UncheckedIOException("Schema registry cannot listen on " + host + ":" + requestedPort + ": " + e, e);
    } catch (RuntimeException e) {
      log.close();
      throw e;
    }
    AtomicInteger threads = new AtomicInteger();
    executor = Executors.newFixedThreadPool(4, task -> {
      Thread thread = new Thread(task, "schema-registry-http-" + threads.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    http.setExecutor(executor);
    http.createContext("/", new RegistryHttpHandler(registry));
    http.start();
    LOG.info("Schema registry listening on {}, storing schemas in {}", url(), description);
    return this;
  }

  /** The port it listens on; the actual one when it was started with port 0. */
  public synchronized int port() {
    if (http == null) {
      throw new IllegalStateException("not started");
    }
    return http.getAddress().getPort();
  }

  /** Base URL for {@link SchemaRegistryClient} and {@code schema.registry.url}, e.g. http://127.0.0.1:8081. */
  public synchronized String url() {
    String shownHost = host;
    try {
      if (InetAddress.getByName(host).isAnyLocalAddress()) {
        shownHost = "127.0.0.1";
      }
    } catch (IOException ignored) {
      // a name that does not resolve is shown as given
    }
    if (shownHost.contains(":")) {
      shownHost = "[" + shownHost + "]";
    }
    return "http://" + shownHost + ":" + port();
  }

  /** Stops serving and releases the Kafka clients. The stored schemas stay in the topic. */
  @Override
  public synchronized void close() {
    if (http != null) {
      http.stop(0);
      executor.shutdownNow();
      http = null;
      log.close();
      LOG.info("Schema registry stopped");
    }
  }
}
