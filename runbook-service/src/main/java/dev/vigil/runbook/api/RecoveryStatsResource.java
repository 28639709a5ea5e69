package dev.vigil.runbook.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.security.CallerScope;
import dev.vigil.platform.security.Roles;
import dev.vigil.runbook.store.IncidentTimesStore;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The recovery metrics: per tenant, the median and 90th percentile of the time from an incident's opening to its
 * acknowledgement, confirmation, first customer contact and recovery, and the ended executions whose critical steps
 * were all verified.
 */
@Path("/v1/recovery-stats")
@Produces(MediaType.APPLICATION_JSON)
public class RecoveryStatsResource {
    private static final int DEFAULT_DAYS = 30;
    private static final int MAX_DAYS = 366;

    private final IncidentTimesStore times;
    private final CallerScope caller;

    public RecoveryStatsResource(IncidentTimesStore times, CallerScope caller) {
        this.times = times;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Roles.SUPERVISOR, Roles.OPERATOR})
    @Operation(summary = "Recovery metrics per tenant", description = "Over the incidents opened in the last"
            + " `days` days (default 30): count, median and 90th percentile, in seconds, from opening to"
            + " acknowledgement, confirmation, first customer contact and recovery; and the executions ended in the"
            + " period with every critical step they reached verified by a second person")
    public Uni<RecoveryStatsView> stats(@QueryParam("tenant") List<String> tenants,
            @Parameter(description = "1 to 366; default 30") @QueryParam("days") String rawDays) {
        int days = days(rawDays);
        return times.stats(caller.forList(tenants), Instant.now().minus(Duration.ofDays(days)))
                .map(stats -> new RecoveryStatsView(days, stats));
    }

    private static int days(String raw) {
        if (raw == null) {
            return DEFAULT_DAYS;
        }
        try {
            int days = Integer.parseInt(raw.strip());
            if (days >= 1 && days <= MAX_DAYS) {
                return days;
            }
        } catch (NumberFormatException e) {
            // answered below, as a number out of range is
        }
        throw ProblemException.invalid("days", "must be a whole number of days, 1 to " + MAX_DAYS);
    }
}
