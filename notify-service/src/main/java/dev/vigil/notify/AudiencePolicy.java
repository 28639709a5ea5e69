package dev.vigil.notify;

import dev.vigil.contracts.IncidentChange;
import dev.vigil.contracts.IncidentEvent;
import java.util.Optional;

/**
 * Who hears of an incident event: the decision gate as notify keeps it. The customer hears of an incident only once
 * a person (or the tenant's policy) confirmed it, and of its recovery (first that the service is back while
 * its runbook is finished, then that it is over) when the tenant wants that; never of one that
 * is still undecided, dismissed or merely updated. The MSP's operators hear of each new incident to decide on, its
 * supervisors of one nobody decided on in time. Each event calls for at most one notice, to one audience.
 */
public final class AudiencePolicy {

    private AudiencePolicy() {
    }

    public static Optional<Notice> noticeOf(IncidentEvent event) {
        if (event.contactsCustomer()) {
            return Optional.of(Notice.CONFIRMED);
        }
        if (event.change() == IncidentChange.RECOVERING && event.decision().wasConfirmed()
                && event.decision().reportRecovery()) {
            return Optional.of(Notice.PROGRESS);
        }
        if (event.reportsRecoveryToCustomer()) {
            return Optional.of(Notice.RESOLVED);
        }
        // an incident the policy confirms at once opens as confirmed: nothing is left for operators to decide
        if (event.awaitsDecision()) {
            return Optional.of(Notice.AWAITING_DECISION);
        }
        if (event.change() == IncidentChange.ESCALATED) {
            return Optional.of(Notice.ESCALATED);
        }
        return Optional.empty();
    }
}
