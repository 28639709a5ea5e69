package dev.vigil.ingest.heartbeat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.vigil.platform.validation.InvalidInputException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HeartbeatScheduleTest {

    @Test
    void secondsAndIsoDurationsAreReadAndAbsentPartsKeepTheCurrentValue() {
        HeartbeatSchedule.Change change = HeartbeatSchedule.Change.read("300", "PT1M");
        assertEquals(new HeartbeatSchedule(Duration.ofMinutes(5), Duration.ofMinutes(1)),
                change.applyTo(HeartbeatSchedule.DEFAULT));
        assertEquals(new HeartbeatSchedule(Duration.ofDays(2), HeartbeatSchedule.DEFAULT_GRACE),
                HeartbeatSchedule.Change.read(" P2D ", null).applyTo(HeartbeatSchedule.DEFAULT));
        assertEquals(HeartbeatSchedule.DEFAULT,
                HeartbeatSchedule.Change.read(null, "").applyTo(HeartbeatSchedule.DEFAULT));
        assertEquals(Optional.of(Duration.ZERO), HeartbeatSchedule.Change.read(null, "0").grace());
    }

    @Test
    void aValueOutOfBoundsOrMalformedIsRefusedNamingItsField() {
        for (String bad : List.of("0", "-5", "PT0.5S", "P1W", "5m", "PT-1S", "P366D", "99999999999", "abc")) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> HeartbeatSchedule.Change.read(bad, null), bad);
            assertEquals("interval", refused.violations().get(0).field());
        }
        InvalidInputException both = assertThrows(InvalidInputException.class,
                () -> HeartbeatSchedule.Change.read("x", "P31D"));
        assertEquals(List.of("interval", "grace"), both.violations().stream().map(v -> v.field()).toList());
    }

    @Test
    void namesFollowTheDocumentedPattern() {
        assertEquals("nightly-backup.db_1", HeartbeatNames.require("name", "nightly-backup.db_1"));
        for (String bad : List.of("", ".", "..", "-x", "a/b", "a b", "x".repeat(129), "é")) {
            assertEquals("name", assertThrows(InvalidInputException.class, () -> HeartbeatNames.require("name", bad))
                    .violations().get(0).field());
        }
    }

    @Test
    void durationsAreDescribedShortly() {
        assertEquals("1d1h", HeartbeatSchedule.describe(Duration.ofHours(25)));
        assertEquals("1m30s", HeartbeatSchedule.describe(Duration.ofSeconds(90)));
        assertEquals("0s", HeartbeatSchedule.describe(Duration.ZERO));
    }
}
