package dev.cutout.ingest;

import dev.cutout.common.store.Buckets;
import dev.cutout.common.store.ObjectStore;
import dev.cutout.events.IngestSource;
import dev.cutout.events.Priority;
import dev.cutout.events.StudioMetadata;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP way in. {@code POST /photos} takes a multipart form with the file in part {@code photo} and
 * optional fields {@code sku}, {@code view}, {@code shootSession}, {@code outputProfile} and
 * {@code priority}; it answers 202 with the photo id, or 4xx with a JSON reason. {@code GET /photos/{id}}
 * tells how far a photo got. Every request needs {@code Authorization: Bearer <ingest.http.token>}.
 */
public final class HttpUploadApi implements AutoCloseable {

    public static final String FILE_PART = "photo";

    private static final Logger LOG = LoggerFactory.getLogger(HttpUploadApi.class);
    private static final Pattern PHOTO_ID = Pattern.compile("[0-9a-f]{64}");
    /** Room for the multipart boundaries and form fields around the file. */
    private static final long FORM_OVERHEAD_BYTES = 64 * 1024;

    private final Ingestor ingestor;
    private final ObjectStore store;
    private final byte[] token;
    private final long maxBytes;
    private final Javalin app;

    private HttpUploadApi(Ingestor ingestor, ObjectStore store, String token, long maxBytes) {
        this.ingestor = Objects.requireNonNull(ingestor, "ingestor");
        this.store = Objects.requireNonNull(store, "store");
        this.token = token.getBytes(StandardCharsets.UTF_8);
        this.maxBytes = maxBytes;
        this.app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
            config.http.maxRequestSize = maxBytes + FORM_OVERHEAD_BYTES;
            config.jetty.multipartConfig.maxFileSize(maxBytes, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxTotalRequestSize(maxBytes + FORM_OVERHEAD_BYTES, SizeUnit.BYTES);
            config.jetty.multipartConfig.maxInMemoryFileSize((int) Math.min(maxBytes, 8L * 1024 * 1024),
                    SizeUnit.BYTES);
        });
        app.before("/photos*", this::authorize);
        app.post("/photos", this::upload);
        app.get("/photos/{id}", this::status);
        app.exception(IngestFailedException.class, (e, ctx) ->
                error(ctx, HttpStatus.SERVICE_UNAVAILABLE, "unavailable", e.getMessage()));
    }

    /** Starts the API on {@code host:port} (port 0 picks a free one). */
    public static HttpUploadApi start(Ingestor ingestor, ObjectStore store, String token, long maxBytes, String host,
            int port) {
        HttpUploadApi api = new HttpUploadApi(ingestor, store, token, maxBytes);
        api.app.start(host, port);
        LOG.info("upload API listening on http://{}:{}/photos", host, api.port());
        return api;
    }

    public int port() {
        return app.port();
    }

    private void authorize(Context ctx) {
        String header = ctx.header("Authorization");
        String prefix = "Bearer ";
        boolean ok = header != null && header.regionMatches(true, 0, prefix, 0, prefix.length())
                && MessageDigest.isEqual(token, header.substring(prefix.length()).trim()
                        .getBytes(StandardCharsets.UTF_8));
        if (!ok) {
            ctx.header("WWW-Authenticate", "Bearer");
            error(ctx, HttpStatus.UNAUTHORIZED, "unauthorized", "a valid 'Authorization: Bearer <token>' is required");
            ctx.skipRemainingHandlers();
        }
    }

    private void upload(Context ctx) throws IOException {
        if (ctx.contentLength() > maxBytes + FORM_OVERHEAD_BYTES) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "the upload exceeds " + maxBytes + " bytes");
            return;
        }
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
            error(ctx, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "not_multipart",
                    "send multipart/form-data with the file in part '" + FILE_PART + "'");
            return;
        }
        UploadedFile file;
        try {
            file = ctx.uploadedFile(FILE_PART);
        } catch (RuntimeException e) {
            // Jetty refuses a part over the multipart limits while parsing.
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "the upload exceeds " + maxBytes + " bytes");
            return;
        }
        if (file == null) {
            error(ctx, HttpStatus.BAD_REQUEST, "missing_file", "the form has no file part '" + FILE_PART + "'");
            return;
        }
        if (file.size() > maxBytes) {
            error(ctx, HttpStatus.CONTENT_TOO_LARGE, "too_large", "the file exceeds " + maxBytes + " bytes");
            return;
        }
        StudioMetadata metadata;
        try {
            metadata = metadata(ctx);
        } catch (IllegalArgumentException e) {
            error(ctx, HttpStatus.BAD_REQUEST, "bad_metadata", e.getMessage());
            return;
        }
        byte[] content;
        try (InputStream in = file.content()) {
            content = in.readAllBytes();
        }
        IngestOutcome outcome = ingestor.ingest(new IngestRequest(content, file.filename(), IngestSource.HTTP_UPLOAD,
                metadata));
        if (outcome instanceof IngestOutcome.Rejected refusal) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("photoId", refusal.photoId());
            body.put("error", "image_rejected");
            body.put("reason", refusal.reason().name());
            body.put("message", refusal.message());
            ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(body);
            return;
        }
        IngestOutcome.Accepted accepted = (IngestOutcome.Accepted) outcome;
        ctx.status(HttpStatus.ACCEPTED).json(Map.of(
                "photoId", accepted.photoId(),
                "duplicate", accepted.duplicate(),
                "status", "/photos/" + accepted.photoId()));
    }

    private static StudioMetadata metadata(Context ctx) {
        String priority = blankToNull(ctx.formParam("priority"));
        Priority parsed = null;
        if (priority != null) {
            try {
                parsed = Priority.valueOf(priority.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("priority must be one of LOW, NORMAL, HIGH, RUSH, not '"
                        + priority + "'");
            }
        }
        return StudioMetadata.newBuilder()
                .setSku(blankToNull(ctx.formParam("sku")))
                .setView(blankToNull(ctx.formParam("view")))
                .setShootSession(blankToNull(ctx.formParam("shootSession")))
                .setOutputProfile(blankToNull(ctx.formParam("outputProfile")))
                .setPriority(parsed)
                .build();
    }

    private void status(Context ctx) {
        String id = ctx.pathParam("id");
        if (!PHOTO_ID.matcher(id).matches()) {
            error(ctx, HttpStatus.BAD_REQUEST, "bad_id", "a photo id is 64 lower-case hex digits");
            return;
        }
        String status;
        if (!store.list(Buckets.CUTOUTS, id + "/").isEmpty()) {
            status = "published";
        } else if (store.stat(Buckets.PHOTOS, PhotoIds.ingestedMarkerKey(id)).isPresent()) {
            status = "ingested";
        } else if (store.stat(Buckets.PHOTOS, PhotoIds.rejectedKey(id)).isPresent()) {
            status = "rejected";
        } else {
            error(ctx, HttpStatus.NOT_FOUND, "unknown_photo", "no photo " + id);
            return;
        }
        ctx.json(Map.of("photoId", id, "status", status));
    }

    private static void error(Context ctx, HttpStatus status, String code, String message) {
        ctx.status(status).json(Map.of("error", code, "message", message));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    @Override
    public void close() {
        app.stop();
    }
}
