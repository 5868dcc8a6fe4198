package dev.cutout.common.store;

import io.minio.errors.ErrorResponseException;
import io.minio.errors.InsufficientDataException;
import io.minio.errors.InvalidResponseException;
import io.minio.errors.ServerException;
import java.io.IOException;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a failed MinIO client call means for the caller: retry it, report a missing object, or give up. */
record StoreFailure(Kind kind, String code, String detail) {

    /** Error pages from proxies can be long HTML; the start says what happened. */
    private static final int MAX_DETAIL = 400;

    StoreFailure {
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL) + "...";
        }
    }

    enum Kind { TRANSIENT, NOT_FOUND, PERMANENT }

    /** S3 error codes that mean "the server is busy or briefly broken", whatever the HTTP status. */
    private static final Set<String> TRANSIENT_CODES = Set.of(
            "InternalError", "ServiceUnavailable", "SlowDown", "RequestTimeout", "Throttling",
            "ThrottlingException", "RequestLimitExceeded", "RequestThrottled", "OperationAborted",
            "XMinioServerNotInitialized");

    private static final Set<String> NOT_FOUND_CODES = Set.of("NoSuchKey", "NoSuchObject", "NoSuchVersion");

    private static final Pattern RESPONSE_CODE = Pattern.compile("Response code: (\\d{3})");

    static StoreFailure of(Exception e) {
        if (e instanceof ErrorResponseException ere) {
            String code = ere.errorResponse().code();
            int status = ere.response() == null ? 0 : ere.response().code();
            String detail = code + " (HTTP " + status + "): " + ere.errorResponse().message();
            if (NOT_FOUND_CODES.contains(code)) {
                return new StoreFailure(Kind.NOT_FOUND, code, detail);
            }
            boolean retriable = TRANSIENT_CODES.contains(code) || isRetriableStatus(status);
            return new StoreFailure(retriable ? Kind.TRANSIENT : Kind.PERMANENT, code, detail);
        }
        if (e instanceof ServerException se) {
            int status = se.statusCode();
            return new StoreFailure(isRetriableStatus(status) ? Kind.TRANSIENT : Kind.PERMANENT,
                    "HTTP" + status, "HTTP " + status + ": " + se.getMessage());
        }
        if (e instanceof InvalidResponseException ire) {
            // A non-S3 answer (a proxy's error page): transient only when it looks like an outage.
            Matcher m = RESPONSE_CODE.matcher(String.valueOf(ire.getMessage()));
            int status = m.find() ? Integer.parseInt(m.group(1)) : 0;
            return new StoreFailure(isRetriableStatus(status) ? Kind.TRANSIENT : Kind.PERMANENT,
                    "HTTP" + status, "not an S3 response: " + ire.getMessage());
        }
        if (e instanceof IOException || e instanceof InsufficientDataException) {
            return new StoreFailure(Kind.TRANSIENT, e.getClass().getSimpleName(),
                    e.getClass().getSimpleName() + ": " + e.getMessage());
        }
        return new StoreFailure(Kind.PERMANENT, e.getClass().getSimpleName(),
                e.getClass().getSimpleName() + ": " + e.getMessage());
    }

    static boolean isRetriableStatus(int status) {
        return status == 429 || status == 500 || status == 502 || status == 503 || status == 504;
    }
}
