package dev.vigil.triage.api;

import dev.vigil.platform.problem.ProblemException;
import dev.vigil.platform.problem.ProblemType;
import jakarta.ws.rs.core.EntityTag;

/** A versioned document's ETag (its version) and the If-Match check that keeps a stale edit from landing. */
final class Versions {
    private Versions() {
    }

    static EntityTag tag(int version) {
        return new EntityTag(Integer.toString(version));
    }

    /**
     * Refuses with 412 when {@code ifMatch} does not name {@code current}.
     *
     * @param subject the document and its verb, as the detail starts: "The policy is", "The rules are"
     */
    static void requireMatch(String ifMatch, int current, String subject) {
        if (!ifMatch.strip().equals(tag(current).toString())) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, subject + " at version " + current + ", not "
                    + ifMatch.strip());
        }
    }
}
