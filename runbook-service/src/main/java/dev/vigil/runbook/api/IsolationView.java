package dev.vigil.runbook.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.vigil.runbook.Isolation;
import dev.vigil.runbook.IsolationArea;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An execution's isolation record: each area's finding, who recorded it and when. */
@Schema(description = "Where the fault lies, area by area: hardware, os, middleware, application, network")
public record IsolationView(
        @Schema(description = "Every area, keyed hardware, os, middleware, application, network")
        Map<String, Area> areas) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Area(
            @Schema(enumeration = {"not-checked", "clear", "suspect", "fault"}) String finding,
            String note,
            @Schema(description = "Who recorded the finding") String by,
            Instant at) {
    }

    static IsolationView of(Isolation isolation) {
        Map<String, Area> areas = new LinkedHashMap<>();
        for (IsolationArea area : IsolationArea.values()) {
            Isolation.Checked checked = isolation.areas().get(area);
            areas.put(area.wireName(), new Area(checked.finding().wireName(), checked.note(), checked.by(),
                    checked.at()));
        }
        return new IsolationView(areas);
    }
}
