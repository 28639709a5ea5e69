package dev.vigil.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An RFC 9457 problem details body. {@code type} is stable per kind of problem so clients can branch on it;
 * {@code errors} names each offending field.
 */
@Schema(name = "Problem", description = "An RFC 9457 problem details body, sent as application/problem+json."
        + " Branch on `type`, not on `title` or `detail`.")
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(
        @Schema(required = true, description = "A stable URN naming the kind of problem",
                examples = "urn:vigil:problem:validation") String type,
        @Schema(required = true, description = "A short summary of the kind of problem, the same for every instance",
                examples = "The request is not valid") String title,
        @Schema(required = true, description = "The HTTP status code", examples = "400") int status,
        @Schema(description = "What went wrong with this request; absent when there is nothing to add",
                examples = "Invalid field(s): name") String detail,
        @Schema(description = "Each offending field with what is wrong with it; absent when no field is to blame")
        List<FieldError> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String CHALLENGE_HEADER = "WWW-Authenticate";
    public static final String BEARER_CHALLENGE = "Bearer";

    @Schema(name = "FieldError", description = "One offending field of a request")
    public record FieldError(
            @Schema(required = true, description = "The field's path as the caller sent it: `name`, `steps[0].title`,"
                    + " `[2].severity`, `$` for the body itself, or the name of a path, query or header parameter",
                    examples = "name") String field,
            @Schema(required = true, description = "What is wrong with it", examples = "must not be blank")
            String message) {
    }
}
