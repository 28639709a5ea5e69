package dev.vigil.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A string in a request body that {@link StorableText} refuses. A {@link MismatchedInputException}, so Jackson
 * records the JSON path on its way out and the problem names the field.
 */
public class UnstorableTextException extends MismatchedInputException {
    public UnstorableTextException(JsonParser parser, String message) {
        super(parser, message, String.class);
    }
}
