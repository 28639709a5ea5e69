package dev.vigil.runbook.api;

import dev.vigil.platform.problem.Problem;
import dev.vigil.platform.problem.ProblemException;
import dev.vigil.runbook.Finding;
import dev.vigil.runbook.Isolation;
import dev.vigil.runbook.IsolationArea;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code PUT /v1/executions/{id}/isolation}: findings by area. The areas given are recorded; those left
 * out keep what they have.
 */
@Schema(description = "Findings by area (hardware, os, middleware, application, network); areas left out keep"
        + " theirs")
public record IsolationRequest(Map<String, AreaRequest> areas) {
    private static final int MAX_NOTE_LENGTH = 2000;

    public record AreaRequest(
            @Schema(required = true, enumeration = {"not-checked", "clear", "suspect", "fault"}) String finding,
            @Schema(description = "What was checked and seen, in words the customer report can carry",
                    maxLength = MAX_NOTE_LENGTH) String note) {
    }

    static final String EXAMPLE = """
            {"areas": {"hardware": {"finding": "clear", "note": "iLO shows no fault"},
                       "network": {"finding": "fault", "note": "The switch port of the web server was down"}}}""";

    /** The findings asked for, or a 400 naming every field that is wrong. */
    Map<IsolationArea, Isolation.Checked> findings() {
        List<Problem.FieldError> errors = new ArrayList<>();
        Map<IsolationArea, Isolation.Checked> found = new EnumMap<>(IsolationArea.class);
        if (areas == null || areas.isEmpty()) {
            throw ProblemException.invalid("areas", "must name at least one area");
        }
        areas.forEach((name, area) -> {
            String field = "areas." + name;
            IsolationArea known = IsolationArea.fromWire(name).orElse(null);
            if (known == null) {
                errors.add(new Problem.FieldError(field, "is not an area; the areas are " + Arrays.stream(
                        IsolationArea.values()).map(IsolationArea::wireName).collect(Collectors.joining(", "))));
            } else if (area == null || area.finding() == null || Finding.fromWire(area.finding()).isEmpty()) {
                errors.add(new Problem.FieldError(field + ".finding", "must be one of " + Arrays.stream(
                        Finding.values()).map(Finding::wireName).collect(Collectors.joining(", "))));
            } else if (area.note() != null && area.note().length() > MAX_NOTE_LENGTH) {
                errors.add(new Problem.FieldError(field + ".note", "must be at most " + MAX_NOTE_LENGTH
                        + " characters"));
            } else {
                String note = area.note() == null || area.note().isBlank() ? null : area.note().strip();
                found.put(known, new Isolation.Checked(Finding.fromWire(area.finding()).get(), note, null, null));
            }
        });
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return found;
    }
}
