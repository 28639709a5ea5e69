package dev.vigil.triage;

/** Timeline entries that record a fact about an incident rather than a change of it. */
public final class TimelineKind {
    /** Its alerts fired again while it was recovering. */
    public static final String RELAPSED = "relapsed";
    /** Another alert of its group was raised into it. */
    public static final String ALERT_JOINED = "alert-joined";
    /** Its alert started flapping: it stays open through the swings. */
    public static final String FLAPPING = "flapping";
    public static final String FLAPPING_ENDED = "flapping-ended";
    /** One of its alerts sent nothing within its timeout and resolved itself. */
    public static final String TIMED_OUT = "alert-timed-out";
    public static final String CUSTOMER_CONTACTED = "customer-contacted";
    public static final String CUSTOMER_CONTACT_FAILED = "customer-contact-failed";
    /** Followed by the execution's change: execution-opened, execution-completed, execution-abandoned. */
    public static final String EXECUTION_PREFIX = "execution-";

    private TimelineKind() {
    }
}
