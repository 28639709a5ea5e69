package dev.vigil.devstack.night;

/**
 * What an alert of the night really was: one episode, named by {@code id}, of a real failure or of one kind of
 * noise. Every alert of one episode carries the same truth, which is what the scorer compares incidents against.
 */
public record Truth(String id, Kind kind) {

    /** The scenarios a night is made of. */
    public enum Kind {
        /** a host went down: its host-down check and its services' checks fail together. */
        HOST_DOWN_CASCADE(true),
        /** one check fails for a quarter of an hour or more. */
        SERVICE_FAILURE(true),
        /** one check alternates firing and resolved every few minutes. */
        FLAP(false),
        /** one check fires once or twice and resolves within two minutes. */
        BLIP(false),
        /** a warning re-sent every minute for hours, never resolved. */
        STEADY_REPEAT(false),
        /** a reboot inside the customer's declared maintenance window. */
        PLANNED_WORK(false);

        private final boolean real;

        Kind(boolean real) {
            this.real = real;
        }

        /** True for a failure the customer must hear of; false for noise. */
        public boolean real() {
            return real;
        }
    }
}
