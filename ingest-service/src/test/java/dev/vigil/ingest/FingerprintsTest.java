package dev.vigil.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    /** Open incidents are keyed by fingerprint: a change of the computation would split them after a deploy. */
    @Test
    void staysTheSameAcrossReleases() {
        assertEquals("0a8a165c5b48d05fcb48340dabee8321",
                Fingerprints.of("nagios", "web-01", "http", Map.of("env", "prod", "zone", "eu-1")));
    }

    @Test
    void labelOrderDoesNotMatter() {
        Map<String, String> ab = new LinkedHashMap<>();
        ab.put("a", "1");
        ab.put("b", "2");
        Map<String, String> ba = new LinkedHashMap<>();
        ba.put("b", "2");
        ba.put("a", "1");

        assertEquals(Fingerprints.of("nagios", "web-01", "http", ab), Fingerprints.of("nagios", "web-01", "http", ba));
    }

    @Test
    void anyIdentifyingPartChangesIt() {
        String base = Fingerprints.of("nagios", "web-01", "http", Map.of("env", "prod"));

        assertNotEquals(base, Fingerprints.of("zabbix", "web-01", "http", Map.of("env", "prod")));
        assertNotEquals(base, Fingerprints.of("nagios", "web-02", "http", Map.of("env", "prod")));
        assertNotEquals(base, Fingerprints.of("nagios", "web-01", "ping", Map.of("env", "prod")));
        assertNotEquals(base, Fingerprints.of("nagios", "web-01", "http", Map.of("env", "dev")));
    }

    @Test
    void boundariesBetweenPartsCount() {
        assertNotEquals(Fingerprints.of("ab", "c", "x", Map.of()), Fingerprints.of("a", "bc", "x", Map.of()));
    }

    @Test
    void isAShortHexString() {
        assertEquals(32, Fingerprints.of("s", "r", "c", Map.of()).length());
    }
}
