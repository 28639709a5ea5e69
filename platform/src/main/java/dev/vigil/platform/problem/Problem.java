package dev.vigil.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem details body. {@code type} is stable per kind of problem so clients can branch on it;
 * {@code errors} names each offending field.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String CHALLENGE_HEADER = "WWW-Authenticate";
    public static final String BEARER_CHALLENGE = "Bearer";

    public record FieldError(String field, String message) {
    }
}
