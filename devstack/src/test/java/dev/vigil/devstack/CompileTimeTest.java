package dev.vigil.devstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Reading the JIT compilers' time from a service's Prometheus metrics. */
class CompileTimeTest {

    @Test
    void readsTheCompilationTimeWhateverItsLabels() {
        String exposition = """
                # HELP jvm_compilation_time_ms_total The approximate accumulated elapsed time spent in compilation
                # TYPE jvm_compilation_time_ms_total counter
                jvm_compilation_time_ms_total{compiler="HotSpot 64-Bit Tiered Compilers"} 61234.0
                jvm_compilation_time_ms_total_other 5.0
                jvm_gc_pause_seconds_sum{action="end of minor GC"} 3.5
                """;

        assertEquals(61_234, CompileTime.millis(exposition, Service.NOTIFY));
    }

    @Test
    void aServiceThatPublishesNoCompilationTimeIsAnError() {
        StackException missing = assertThrows(StackException.class,
                () -> CompileTime.millis("jvm_gc_pause_seconds_sum 3.5\n", Service.TRIAGE));

        assertEquals("triage publishes no jvm_compilation_time_ms_total", missing.getMessage());
    }
}
