package dev.vigil.ingest.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Path;

/**
 * PagerDuty's own events path, so that a tool configured for PagerDuty needs only the host of its events URL
 * changed ({@code https://events.pagerduty.com/v2/enqueue} becomes {@code https://<vigil>/v2/enqueue}). It takes
 * and answers exactly what {@link PagerDutyResource} does.
 */
@Path("/v2/enqueue")
@PermitAll
public class PagerDutyEnqueueResource extends PagerDutyResource {

    public PagerDutyEnqueueResource(AlertIntake intake) {
        super(intake);
    }
}
