package dev.vigil.devstack.night;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.vigil.devstack.night.Truth.Kind;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NoisyNightTest {
    private static final Night NIGHT = NoisyNight.generate(7, 40, "night-7-r1-");

    @Test
    void sameSeedGivesTheSameNightAndAnotherSeedAnother() {
        assertEquals(NIGHT, NoisyNight.generate(7, 40, "night-7-r1-"));
        assertNotEquals(NIGHT.alerts(), NoisyNight.generate(8, 40, "night-7-r1-").alerts());
    }

    @Test
    void aNightOfFortyCustomersHoldsEveryScenarioAtAnMspScale() {
        Map<Kind, Long> episodes = NIGHT.episodes();
        assertEquals(Set.of(Kind.values()), episodes.keySet(), "episodes: " + episodes);
        long real = episodes.get(Kind.HOST_DOWN_CASCADE) + episodes.get(Kind.SERVICE_FAILURE);
        assertTrue(real >= 8 && real <= 30, "real failures: " + real);
        assertTrue(NIGHT.alerts().size() >= 6_000 && NIGHT.alerts().size() <= 18_000,
                "alerts: " + NIGHT.alerts().size());
        assertEquals(40, NIGHT.tenants().size());
    }

    @Test
    void alertsComeInTimeOrderWithinTheNight() {
        Instant end = NIGHT.start().plus(NIGHT.length());
        Instant previous = NIGHT.start();
        for (NightAlert alert : NIGHT.alerts()) {
            assertTrue(!alert.observedAt().isBefore(previous) && alert.observedAt().isBefore(end.plusSeconds(1)),
                    alert.toString());
            previous = alert.observedAt();
        }
    }

    @Test
    void plannedWorkLiesInsideItsCustomersMaintenanceWindow() {
        Map<String, MaintenanceWindow> windows = NIGHT.windows().stream()
                .collect(Collectors.toMap(MaintenanceWindow::tenant, w -> w));
        List<NightAlert> planned = NIGHT.alerts().stream().filter(a -> a.truth().kind() == Kind.PLANNED_WORK).toList();
        assertTrue(!planned.isEmpty());
        planned.forEach(a -> assertTrue(windows.get(a.tenant()).contains(a.observedAt()), a.toString()));
    }

    @Test
    void aWindowIsDeclaredForTheHostsItsCustomerPatchesAndNoOther() {
        Map<String, MaintenanceWindow> windows = NIGHT.windows().stream()
                .collect(Collectors.toMap(MaintenanceWindow::tenant, w -> w));
        for (NightAlert alert : NIGHT.alerts()) {
            boolean declared = windows.get(alert.tenant()).hosts().contains(alert.resource());
            boolean planned = alert.truth().kind() == Kind.PLANNED_WORK;
            if (planned || alert.truth().kind().real()) {
                assertEquals(planned, declared, alert.toString());
            }
        }
    }

    @Test
    void steadyRepeatsNeverResolveAndEveryOtherEpisodeEndsResolved() {
        Map<String, NightAlert> lastOfKey = new HashMap<>();
        NIGHT.alerts().forEach(a -> lastOfKey.put(a.key() + "|" + a.truth().id(), a));
        for (NightAlert last : lastOfKey.values()) {
            boolean steady = last.truth().kind() == Kind.STEADY_REPEAT;
            assertEquals(steady ? "firing" : "resolved", last.status(), last.toString());
        }
    }

    @Test
    void realFailuresRepeatEveryMinuteForAtLeastTenMinutes() {
        Map<String, Long> firings = NIGHT.alerts().stream()
                .filter(a -> a.truth().kind().real() && a.firing())
                .collect(Collectors.groupingBy(a -> a.key() + "|" + a.truth().id(), Collectors.counting()));
        firings.forEach((episode, count) -> assertTrue(count >= 10, episode + " fired " + count + " times"));
    }

    @Test
    void eachCheckCarriesOneScenarioSoItsFingerprintNeverMixesTruths() {
        Map<String, Set<Kind>> kinds = NIGHT.alerts().stream()
                .collect(Collectors.groupingBy(NightAlert::key,
                        Collectors.mapping(a -> a.truth().kind(), Collectors.toSet())));
        kinds.forEach((key, k) -> assertEquals(1, k.size(), key + " " + k));
    }
}
