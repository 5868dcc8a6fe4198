package dev.cutout.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cutout.ingest.HttpUploadApi;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/** Uploads photos to the ingest's HTTP API ({@code POST /photos}, multipart, bearer token). */
final class PhotoUploader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI photos;
    private final String token;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    PhotoUploader(String baseUrl, String token) {
        this.photos = URI.create(baseUrl.replaceAll("/+$", "") + "/photos");
        this.token = token;
    }

    /** The answer to one upload: 202 with the photo id, or 4xx/5xx with the API's reason. */
    record Upload(int status, String photoId, boolean duplicate, String reason) {

        boolean accepted() {
            return status == 202;
        }
    }

    /** Fails with a {@link UserError} when nothing answers at the URL or it refuses the token. */
    void probe() throws IOException, InterruptedException {
        // Not a photo id: a running ingest that takes the token answers 400, one that does not 401.
        HttpRequest request = HttpRequest.newBuilder(URI.create(photos + "/probe"))
                .header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(10))
                .GET()
                .build();
        send(request);
    }

    /** Uploads {@code file}; {@code profile} may be null (the publisher's default profile). */
    Upload upload(Path file, String profile) throws IOException, InterruptedException {
        String boundary = "cutout-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (profile != null) {
            body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"outputProfile\"\r\n\r\n"
                    + profile + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + HttpUploadApi.FILE_PART
                + "\"; filename=\"" + file.getFileName().toString().replace("\"", "_")
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(photos)
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build();
        HttpResponse<String> response = send(request);
        return parse(response.statusCode(), response.body());
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException | HttpConnectTimeoutException e) {
            throw new UserError("no Cutout ingest answered at " + photos
                    + "; is `./cutout up` running? (or pass --url)", e);
        }
        if (response.statusCode() == 401) {
            throw new UserError("the ingest at " + photos + " refused the token; pass --token (its ingest.http.token)");
        }
        return response;
    }

    static Upload parse(int status, String body) {
        JsonNode json;
        try {
            json = JSON.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return new Upload(status, null, false, "HTTP " + status + ": " + body.strip());
        }
        String photoId = json.path("photoId").isTextual() ? json.get("photoId").asText() : null;
        if (status == 202) {
            return new Upload(status, photoId, json.path("duplicate").asBoolean(false), null);
        }
        // 422 names the codec's reason (EMPTY, DIMENSION_TOO_LARGE, ...); other errors a code.
        String code = json.path("reason").isTextual() ? json.get("reason").asText()
                : json.path("error").asText("http_" + status).toUpperCase(Locale.ROOT);
        String message = json.path("message").asText("");
        return new Upload(status, photoId, false, message.isEmpty() ? code : code + ": " + message);
    }
}
