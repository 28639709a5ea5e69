package dev.vigil.triage.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.triage.config.TriageConfig;
import dev.vigil.triage.noise.NoiseReporter;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** Where a tenant's noise comes from, and which rules would cut it. */
@Path("/v1/noise-report")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.OPERATOR, Roles.SUPERVISOR})
public class NoiseReportResource {
    static final int DEFAULT_DAYS = 7;

    private final NoiseReporter reporter;
    private final CallerScope caller;
    private final TriageConfig config;

    public NoiseReportResource(NoiseReporter reporter, CallerScope caller, TriageConfig config) {
        this.reporter = reporter;
        this.caller = caller;
        this.config = config;
    }

    @GET
    @Operation(summary = "A tenant's noise over the last days, with suggested rules tried by replaying its alerts")
    public Uni<NoiseReportView> report(
            @Parameter(description = "The tenant; may be left out by a token of one tenant") @QueryParam("tenant")
            String tenant,
            @Parameter(description = "How many days back, 1 to the days of history kept (default 7)")
            @QueryParam("days") String days) {
        String reported = caller.forOne(tenant);
        int period = days(days);
        return reporter.report(reported, period, Instant.now())
                .onFailure(NoiseReporter.TooMuchHistory.class).transform(e -> ProblemException.invalid("days",
                        "the last " + period + " day(s) hold " + ((NoiseReporter.TooMuchHistory) e).alerts()
                                + " alerts, more than the " + NoiseReporter.MOST_REPLAYED
                                + " a report replays: ask for fewer days"))
                .map(NoiseReportView::of);
    }

    private int days(String raw) {
        long kept = config.history().keep().toDays();
        if (raw == null) {
            return (int) Math.min(DEFAULT_DAYS, kept);
        }
        try {
            int days = Integer.parseInt(raw.strip());
            if (days >= 1 && days <= kept) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below, as for a number out of range
        }
        throw ProblemException.invalid("days", "must be a whole number of days from 1 to " + kept
                + " (the history kept)");
    }
}
