package org.newsprism;

import java.lang.management.ManagementFactory;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Times the job's stages: wall-clock milliseconds, and the CPU milliseconds the driver JVM spent meanwhile
 * (all threads). In local mode the executors run in the driver JVM, so CPU time is the stage's whole cost
 * and, unlike wall-clock time, hardly changes with what else the machine runs: scripts/bench.sh compares
 * it with the baseline's. On a cluster it covers the driver only.
 *
 * <p>Each stage's name is also handed to a {@code describe} callback when the stage starts, and the
 * enclosing stage's name again when it ends (null outside any stage): the job passes it to Spark as the
 * job description, so the Spark UI and event log show which stage ({@code nlp}, {@code write_mentions})
 * each Spark job belongs to.
 */
public final class StageClock {
    private final Map<String, Long> wallMs = new LinkedHashMap<>();
    private final Map<String, Long> cpuMs = new LinkedHashMap<>();
    private final Consumer<String> describe;
    private final Deque<String> running = new ArrayDeque<>();

    /** A clock that tells {@code describe} the name of the stage running now (null when none is). */
    public StageClock(Consumer<String> describe) {
        this.describe = describe;
    }

    /** Runs {@code work} as stage {@code stage}, recording its times under that name. */
    public <T> T time(String stage, Supplier<T> work) {
        running.push(stage);
        describe.accept(stage);
        try {
            long wall = System.nanoTime();
            long cpu = processCpuNanos();
            T result = work.get();
            wallMs.put(stage, (System.nanoTime() - wall) / 1_000_000);
            if (cpu >= 0) {
                cpuMs.put(stage, (processCpuNanos() - cpu) / 1_000_000);
            }
            return result;
        } finally {
            running.pop();
            describe.accept(running.peek());
        }
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
