package dev.vigil.devstack.night;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.vigil.devstack.night.Truth.Kind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A hand-made night of one tenant, and hand-made incidents, whose figures can be worked out on paper. */
class NightScoreTest {
    private static final Instant T0 = Instant.parse("2026-11-21T23:00:00Z");
    private static final Truth CASCADE = new Truth("t/cascade-1", Kind.HOST_DOWN_CASCADE);
    private static final Truth FAILURE = new Truth("t/service-failure-2", Kind.SERVICE_FAILURE);
    private static final Truth BLIP = new Truth("t/blip-3", Kind.BLIP);
    private static final Truth FLAP = new Truth("t/flap-4", Kind.FLAP);

    /** web-01 down (host-down, http, tls, each firing 10 times), db-01's db failing 10 times, a blip, a flap. */
    private static List<NightAlert> night() {
        List<NightAlert> alerts = new ArrayList<>();
        for (String check : List.of("host-down", "http", "tls")) {
            failing(alerts, "web-01", check, "critical", 0, 10, CASCADE);
        }
        failing(alerts, "db-01", "db", "major", 20, 10, FAILURE);
        failing(alerts, "mail-01", "smtp", "major", 40, 1, BLIP);
        failing(alerts, "mail-01", "imap", "minor", 50, 1, FLAP);
        failing(alerts, "mail-01", "imap", "minor", 53, 1, FLAP);
        return alerts;
    }

    /** {@code count} firings a minute apart from {@code minute}, then the resolution. */
    private static void failing(List<NightAlert> alerts, String host, String check, String severity, int minute,
            int count, Truth truth) {
        for (int i = 0; i < count; i++) {
            alerts.add(new NightAlert("t", at(minute + i), host, check, severity, "firing", check, truth));
        }
        alerts.add(new NightAlert("t", at(minute + count), host, check, severity, "resolved", check, truth));
    }

    private static NightIncident incident(String host, String check, String severity, String... alsoHeld) {
        Set<String> keys = new HashSet<>();
        keys.add(NightIncident.key("t", host, check));
        for (String other : alsoHeld) {
            keys.add(NightIncident.key("t", other.split("/")[0], other.split("/")[1]));
        }
        return new NightIncident("t", host + "-" + check, severity, "resolved", 1, keys);
    }

    private static Instant at(int minute) {
        return T0.plusSeconds(60L * minute);
    }

    /** What a triage without noise rules makes of it: one incident per fingerprint and episode. */
    private static List<NightIncident> oneIncidentPerFingerprint() {
        return List.of(incident("web-01", "host-down", "critical"), incident("web-01", "http", "critical"),
                incident("web-01", "tls", "critical"), incident("db-01", "db", "major"),
                incident("mail-01", "smtp", "major"), incident("mail-01", "imap", "minor"),
                incident("mail-01", "imap", "minor"));
    }

    @Test
    void aCascadeGroupedIntoOneIncidentIsOneIncidentPerHostDown() {
        NightScore score = NightScore.score(night(), List.of(
                incident("web-01", "host-down", "critical", "web-01/http", "web-01/tls"),
                incident("db-01", "db", "major")));

        assertEquals(1.0, score.incidentsPerCascade());
        assertEquals(1.0, score.recall());
        assertEquals(0, score.falseMerges());
        assertEquals(0.0, score.noiseShare());
    }

    @Test
    void aCascadeSplitIntoThreeIncidentsCountsThreeIncidentsPerHostDown() {
        NightScore score = NightScore.score(night(), oneIncidentPerFingerprint());

        assertEquals(3.0, score.incidentsPerCascade());
        assertEquals(1, score.cascades());
        assertEquals(2, score.realFailures());
        assertEquals(1.0, score.recall());
        assertEquals(0, score.falseMerges());
    }

    @Test
    void aBlipIncidentIsNoiseAmongTheMajorAndCriticalOnes() {
        NightScore score = NightScore.score(night(), oneIncidentPerFingerprint());

        // major or critical: 3 cascade, 1 failure, 1 blip; the minor flap incidents do not count
        assertEquals(5, score.majorOrCritical());
        assertEquals(1, score.noisyMajorOrCritical());
        assertEquals(0.2, score.noiseShare(), 1e-9);
    }

    @Test
    void compressionComparesIncidentsWithAlerts() {
        List<NightAlert> alerts = night();
        NightScore score = NightScore.score(alerts, oneIncidentPerFingerprint());

        // 3 x 11 + 11 + 2 + 2 + 2 = 50 alerts, 7 incidents
        assertEquals(50, score.alerts());
        assertEquals(7, score.incidents());
        assertEquals(1 - 7.0 / 50, score.compression(), 1e-9);
    }

    @Test
    void anIncidentHoldingTwoFailuresIsAFalseMerge() {
        // web-01's http, of the cascade, grouped into the db failure's incident
        List<NightAlert> alerts = night();
        NightScore score = NightScore.score(alerts, List.of(incident("db-01", "db", "major", "web-01/http")));

        assertEquals(1, score.falseMerges());
        assertEquals(1.0, score.recall());
    }

    @Test
    void anIncidentHoldingAFailureAndNoiseIsAFalseMerge() {
        // the blip grouped into the db failure's incident
        List<NightAlert> alerts = night();
        NightScore score = NightScore.score(alerts, List.of(incident("db-01", "db", "major", "mail-01/smtp")));

        assertEquals(1, score.falseMerges());
        assertEquals(0, score.noisyMajorOrCritical(), "it holds a real failure, so it is not noise");
    }

    @Test
    void aFailureNoIncidentHoldsIsMissed() {
        List<NightIncident> withoutTheDbFailure = oneIncidentPerFingerprint().stream()
                .filter(i -> !i.fingerprint().equals("db-01-db")).toList();
        NightScore score = NightScore.score(night(), withoutTheDbFailure);

        assertEquals(1, score.caught());
        assertEquals(0.5, score.recall());
    }

    @Test
    void anIncidentOfNoAlertOfTheNightIsUnmatched() {
        NightScore score = NightScore.score(night(), List.of(incident("mail-01", "imap", "minor"),
                incident("web-02", "http", "critical")));

        assertEquals(1, score.incidentsByKind().get(Kind.FLAP));
        assertEquals(1, score.unmatched());
        assertEquals(0, score.caught());
    }
}
