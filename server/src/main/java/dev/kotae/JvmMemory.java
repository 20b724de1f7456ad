package dev.kotae;

import com.sun.management.HotSpotDiagnosticMXBean;
import com.sun.management.VMOption;
import java.lang.management.ManagementFactory;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a server that was started without JVM flags from holding on to memory it no longer uses. The
 * launcher ({@code bin/kotae}) sets the heap limit and the collector; here, at start-up, only what the JVM
 * lets a running process change: when the collector is G1 (the JVM's default without the launcher), a
 * periodic garbage collection when the server has been quiet for a while, so G1 gives unused heap back to
 * the system. Whatever the operator set explicitly is left alone.
 */
final class JvmMemory {

    private static final Logger LOG = LoggerFactory.getLogger(JvmMemory.class);
    /** A quiet server collects (and may shrink its heap) after this long without a collection. */
    static final String PERIODIC_GC_MILLIS = "30000";
    /** Above this default maximum heap, a start without {@code -Xmx} is worth a warning. */
    private static final long LARGE_HEAP = 1L << 30;

    private JvmMemory() {}

    /** Applies the defaults and says what the heap limit is, warning when none was chosen. */
    static void applyDefaults() {
        HotSpotDiagnosticMXBean vm = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
        List<String> arguments = ManagementFactory.getRuntimeMXBean().getInputArguments();
        setIfDefault(vm, "G1PeriodicGCInterval", PERIODIC_GC_MILLIS);
        // The limit as set (-Xmx): the runtime's maxMemory() leaves out a survivor space under the
        // parallel collector, so it would report less than was asked for.
        long max = Long.parseLong(vm.getVMOption("MaxHeapSize").getValue());
        boolean chosen = arguments.stream().anyMatch(a -> a.startsWith("-Xmx") || a.startsWith("-XX:MaxHeapSize")
                || a.startsWith("-XX:MaxRAMPercentage") || a.startsWith("-XX:MaxRAM="));
        if (!chosen && max > LARGE_HEAP) {
            LOG.warn("Started without a heap limit: the JVM may grow to {} MB under load. Start with bin/kotae"
                    + " (512 MB heap by default, KOTAE_HEAP to change it) or give java -Xmx512m", max >> 20);
        } else {
            LOG.info("Heap limit {} MB", max >> 20);
        }
    }

    private static void setIfDefault(HotSpotDiagnosticMXBean vm, String name, String value) {
        try {
            if (vm.getVMOption(name).getOrigin() == VMOption.Origin.DEFAULT) {
                vm.setVMOption(name, value);
            }
        } catch (IllegalArgumentException e) {
            // Not this JVM's option (another collector, another vendor): nothing to adjust.
            LOG.debug("Cannot set {}: {}", name, e.getMessage());
        }
    }
}
