package dev.vigil.devstack.night;

import dev.vigil.devstack.night.Truth.Kind;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates one labelled night of an MSP's probes, the same for the same seed: each customer has hosts with a
 * host-down check and the checks of their services, and the night mixes real failures (host-down cascades,
 * sustained service failures) with noise (flaps, blips, steady repeats, planned work in a maintenance window).
 * Probes re-send a failing check every minute, which is where the repeats come from. The proportions follow a
 * real night of about 40 customers: around 11,000 alerts, fewer than 20 of them real failures' episodes.
 * Every check belongs to at most one scenario, so a key's alerts never mix truths; noise may still share a host
 * with a sustained service failure, which is what lets grouping by host merge falsely. A cascade or a planned
 * reboot takes its host whole.
 */
public final class NoisyNight {
    /** Saturday 22:00 UTC: the night holds Sunday 02:00-04:00 of every European customer. */
    public static final Instant START = Instant.parse("2026-11-21T22:00:00Z");
    public static final Duration LENGTH = Duration.ofHours(8);
    static final String HOST_DOWN = "host-down";
    private static final LocalDate SUNDAY = LocalDate.of(2026, 11, 22);
    private static final LocalTime WINDOW_FROM = LocalTime.of(2, 0);
    private static final Duration WINDOW = Duration.ofHours(2);
    private static final List<String> ZONES = List.of("Europe/London", "Europe/Lisbon", "Europe/Dublin",
            "Europe/Berlin", "Europe/Paris", "Europe/Madrid", "Europe/Helsinki", "Europe/Athens");
    /** Host roles and the checks of their services (besides host-down). */
    private static final Map<String, List<String>> ROLES = Map.of(
            "web", List.of("http", "tls", "cpu", "disk"),
            "app", List.of("http", "jvm-heap", "cpu", "disk"),
            "db", List.of("db", "replication", "cpu", "disk"),
            "mail", List.of("smtp", "imap", "tls", "disk"),
            "file", List.of("smb", "backup", "cpu", "disk"),
            "edge", List.of("vpn", "dns", "cpu"));
    private static final List<String> ROLE_NAMES = List.of("web", "app", "db", "mail", "file", "edge");

    private NoisyNight() {
    }

    /** A night of {@code customers} tenants named {@code tenantPrefix + n}, n from 1. */
    public static Night generate(long seed, int customers, String tenantPrefix) {
        SplittableRandom root = new SplittableRandom(seed);
        List<String> tenants = new ArrayList<>();
        List<MaintenanceWindow> windows = new ArrayList<>();
        List<NightAlert> alerts = new ArrayList<>();
        for (int n = 1; n <= customers; n++) {
            // one stream per customer, split in order: a customer's night does not depend on how many follow it
            Customer customer = new Customer(tenantPrefix + n, root.split());
            tenants.add(customer.tenant);
            customer.night(alerts);
            windows.add(customer.declaredWindow());
        }
        // stable sort: alerts of the same instant keep the order they were generated in
        alerts.sort(Comparator.comparing(NightAlert::observedAt));
        return new Night(seed, START, LENGTH, List.copyOf(tenants), List.copyOf(windows), List.copyOf(alerts));
    }

    /** One customer's hosts and the scenarios of its night. */
    private static final class Customer {
        private final String tenant;
        private final SplittableRandom random;
        private final MaintenanceWindow window;
        private final List<String> hosts = new ArrayList<>();
        private final List<String> patched = new ArrayList<>();
        /** checks (host|check) already given a scenario; a cascade or planned reboot takes all of its host's. */
        private final Set<String> taken = new HashSet<>();
        private int episode;

        Customer(String tenant, SplittableRandom random) {
            this.tenant = tenant;
            this.random = random;
            String zone = ZONES.get(random.nextInt(ZONES.size()));
            Instant from = SUNDAY.atTime(WINDOW_FROM).atZone(ZoneId.of(zone)).toInstant();
            this.window = new MaintenanceWindow(tenant, zone, "Sunday 02:00-04:00", from, from.plus(WINDOW), List.of());
            int count = 4 + random.nextInt(9);
            int[] perRole = new int[ROLE_NAMES.size()];
            for (int h = 0; h < count; h++) {
                int role = random.nextInt(ROLE_NAMES.size());
                hosts.add(String.format("%s-%02d", ROLE_NAMES.get(role), ++perRole[role]));
            }
        }

        /** The weekly window as the customer declares it: for the hosts it patches this week. */
        MaintenanceWindow declaredWindow() {
            return new MaintenanceWindow(tenant, window.zone(), window.weekly(), window.from(), window.to(), patched);
        }

        void night(List<NightAlert> out) {
            // real failures first, so noise takes what is left; rates give ~18 real failures for 40 customers
            if (random.nextDouble() < 0.18) {
                cascade(out);
            }
            if (random.nextDouble() < 0.27) {
                serviceFailure(out);
            }
            if (random.nextDouble() < 0.3) {
                int reboots = 1 + random.nextInt(3);
                for (int r = 0; r < reboots; r++) {
                    plannedReboot(out);
                }
            }
            if (random.nextDouble() < 0.35) {
                steadyRepeat(out);
            }
            int flaps = random.nextInt(3);
            for (int f = 0; f < flaps; f++) {
                flap(out);
            }
            int blippy = 2 + random.nextInt(5);
            for (int b = 0; b < blippy; b++) {
                blips(out);
            }
        }

        private void cascade(List<NightAlert> out) {
            String host = freeHost();
            if (host == null) {
                return;
            }
            Truth truth = truth(Kind.HOST_DOWN_CASCADE);
            Instant from = at(minutes(0, 8 * 60 - 60));
            Instant to = from.plus(minutes(10, 60));
            failing(out, host, HOST_DOWN, "critical", "host unreachable: 100% packet loss", from, to, truth);
            for (String check : services(host)) {
                // the services' probes notice a little after the ping does, each at its own phase
                Instant noticed = from.plusSeconds(5 + random.nextInt(55));
                Instant back = to.plusSeconds(random.nextInt(60));
                failing(out, host, check, random.nextBoolean() ? "critical" : "major", check + " does not answer",
                        noticed, back, truth);
            }
        }

        private void serviceFailure(List<NightAlert> out) {
            String key = freeServiceCheck();
            if (key == null) {
                return;
            }
            Instant from = at(minutes(0, 8 * 60 - 90));
            failing(out, host(key), check(key), random.nextBoolean() ? "critical" : "major",
                    check(key) + " failing", from, from.plus(minutes(15, 90)), truth(Kind.SERVICE_FAILURE));
        }

        private void plannedReboot(List<NightAlert> out) {
            String host = freeHost();
            if (host == null) {
                return;
            }
            Truth truth = truth(Kind.PLANNED_WORK);
            patched.add(host);
            Instant from = window.from().plus(minutes(5, 110));
            Instant to = from.plus(minutes(4, 6));
            failing(out, host, HOST_DOWN, "critical", "host unreachable: 100% packet loss", from, to, truth);
            for (String check : services(host)) {
                failing(out, host, check, "major", check + " does not answer", from.plusSeconds(10),
                        to.plusSeconds(20), truth);
            }
        }

        private void steadyRepeat(List<NightAlert> out) {
            String key = freeServiceCheck();
            if (key == null) {
                return;
            }
            Instant from = at(minutes(0, 120));
            failing(out, host(key), check(key), "warning", check(key) + " above its warning threshold", from, null,
                    truth(Kind.STEADY_REPEAT));
        }

        private void flap(List<NightAlert> out) {
            String key = freeCheck();
            if (key == null) {
                return;
            }
            Truth truth = truth(Kind.FLAP);
            String severity = List.of("critical", "major", "minor").get(random.nextInt(3));
            Instant t = at(minutes(0, 8 * 60 - 60));
            Instant end = t.plus(minutes(20, 60));
            while (t.isBefore(end)) {
                Instant up = t.plus(minutes(1, 3));
                failing(out, host(key), check(key), severity, check(key) + " flapping", t, up, truth);
                t = up.plus(minutes(1, 3));
            }
        }

        /** A check that blips once to three times in the night, each blip its own episode. */
        private void blips(List<NightAlert> out) {
            String key = freeCheck();
            if (key == null) {
                return;
            }
            String severity = List.of("critical", "major", "minor", "warning").get(random.nextInt(4));
            int count = 1 + random.nextInt(3);
            for (int b = 0; b < count; b++) {
                Instant from = at(minutes(0, 8 * 60 - 2));
                int firings = 1 + random.nextInt(2);
                // fires once or twice a minute apart, resolves within two minutes of the first
                Instant to = from.plusSeconds(firings == 1 ? 20 + random.nextInt(60) : 61 + random.nextInt(59));
                failing(out, host(key), check(key), severity, check(key) + " timed out", from, to, truth(Kind.BLIP));
            }
        }

        /**
         * A check failing from {@code from} until {@code to}: firing then, re-sent every minute while it fails,
         * and resolved at {@code to}; never resolved when {@code to} is null (or past the night's end).
         */
        private void failing(List<NightAlert> out, String host, String check, String severity, String summary,
                Instant from, Instant to, Truth truth) {
            Instant end = START.plus(LENGTH);
            Instant stop = to == null || to.isAfter(end) ? end : to;
            for (Instant t = from; t.isBefore(stop); t = t.plusSeconds(60)) {
                out.add(new NightAlert(tenant, t, host, check, severity, "firing", summary, truth));
            }
            if (to != null && !to.isAfter(end)) {
                out.add(new NightAlert(tenant, to, host, check, severity, "resolved", summary, truth));
            }
        }

        private Truth truth(Kind kind) {
            String name = kind.name().toLowerCase(Locale.ROOT).replace('_', '-');
            return new Truth(tenant + "/" + name + "-" + (++episode), kind);
        }

        /** A host no scenario touched yet, taken whole (host-down and all its checks). */
        private String freeHost() {
            for (int attempt = 0; attempt < 20; attempt++) {
                String host = hosts.get(random.nextInt(hosts.size()));
                if (checks(host).stream().noneMatch(c -> taken.contains(host + "|" + c))) {
                    checks(host).forEach(c -> taken.add(host + "|" + c));
                    return host;
                }
            }
            return null;
        }

        private String freeServiceCheck() {
            return freeKey(false);
        }

        private String freeCheck() {
            return freeKey(true);
        }

        private String freeKey(boolean hostDownToo) {
            for (int attempt = 0; attempt < 20; attempt++) {
                String host = hosts.get(random.nextInt(hosts.size()));
                List<String> checks = hostDownToo ? checks(host) : services(host);
                String key = host + "|" + checks.get(random.nextInt(checks.size()));
                if (taken.add(key)) {
                    return key;
                }
            }
            return null;
        }

        private List<String> checks(String host) {
            List<String> checks = new ArrayList<>();
            checks.add(HOST_DOWN);
            checks.addAll(services(host));
            return checks;
        }

        private static List<String> services(String host) {
            return ROLES.get(host.substring(0, host.indexOf('-')));
        }

        private Instant at(Duration sinceStart) {
            // probes run at their own phase within the minute
            return START.plus(sinceStart).plusSeconds(random.nextInt(60));
        }

        private Duration minutes(int min, int max) {
            return Duration.ofMinutes(min + random.nextInt(max - min + 1));
        }

        private static String host(String key) {
            return key.substring(0, key.indexOf('|'));
        }

        private static String check(String key) {
            return key.substring(key.indexOf('|') + 1);
        }
    }
}
