package org.newsprism;

import java.lang.management.ManagementFactory;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Times the job's stages: wall-clock milliseconds, and the CPU milliseconds the driver JVM spent meanwhile
 * (all threads). In local mode the executors run in the driver JVM, so CPU time is the stage's whole cost
 * and, unlike wall-clock time, hardly changes with what else the machine runs: scripts/bench.sh compares
 * it with the baseline's. On a cluster it covers the driver only.
 */
public final class StageClock {
    private final Map<String, Long> wallMs = new LinkedHashMap<>();
    private final Map<String, Long> cpuMs = new LinkedHashMap<>();

    /** Runs {@code work} as stage {@code stage}, recording its times under that name. */
    public <T> T time(String stage, Supplier<T> work) {
        long wall = System.nanoTime();
        long cpu = processCpuNanos();
        T result = work.get();
        wallMs.put(stage, (System.nanoTime() - wall) / 1_000_000);
        if (cpu >= 0) {
            cpuMs.put(stage, (processCpuNanos() - cpu) / 1_000_000);
        }
        return result;
    }

    /** Wall-clock milliseconds per stage, in the order the stages ran. */
    public Map<String, Long> wallMs() {
        return Collections.unmodifiableMap(wallMs);
    }

    /** CPU milliseconds of the driver JVM per stage; empty where the JVM cannot tell. */
    public Map<String, Long> cpuMs() {
        return Collections.unmodifiableMap(cpuMs);
    }

    /** The JVM's CPU time so far in nanoseconds, or −1 when the platform does not report it. */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }
}
