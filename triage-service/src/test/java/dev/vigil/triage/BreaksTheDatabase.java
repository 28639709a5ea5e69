package dev.vigil.triage;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.Map;

/**
 * An application of its own for the tests that take the database away or break its schema for a while, so the
 * tests that expect a healthy database never share one with them. Each such test repairs what it broke.
 */
public class BreaksTheDatabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.application.name", "triage");
    }
}
