package dev.vigil.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.jvm.JvmCompilationMetrics;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Publishes the time the JIT compiler has spent ({@code jvm_compilation_time_ms_total}), which Quarkus does not bind
 * by itself. For minutes after a start a service spends more CPU compiling than working (on two cores, over half of
 * it): the figure tells an operator, and the benchmarks, when a service has warmed up.
 */
@Startup
@ApplicationScoped
public class CompilationMetrics {
    public CompilationMetrics(MeterRegistry registry) {
        new JvmCompilationMetrics().bindTo(registry);
    }
}
