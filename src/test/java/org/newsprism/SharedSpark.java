package org.newsprism;

import org.apache.spark.sql.SparkSession;
import org.newsprism.config.ConfigLoader;

/**
 * The one SparkSession of the test JVM: local[2], two shuffle partitions, UI off, UTC, and the same
 * settings the job applies to its own sessions. Created on first use, stopped when the JVM exits.
 */
public final class SharedSpark {
    private static SparkSession session;

    private SharedSpark() {}

    public static synchronized SparkSession session() {
        if (session == null) {
            SparkSession.Builder builder = SparkSession.builder()
                    .master("local[2]")
                    .appName("newsprism-tests")
                    .config("spark.ui.enabled", "false")
                    .config("spark.driver.host", "127.0.0.1")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    // Without a UI nobody reads Spark's records of finished jobs and SQL executions, but
                    // they are kept (1,000 each by default, every one with its plan's text and metrics), and
                    // over the whole suite in one JVM they crowded the heap until the incremental runs
                    // spent their time in full GCs.
                    .config("spark.sql.ui.retainedExecutions", "20")
                    .config("spark.ui.retainedJobs", "50")
                    .config("spark.ui.retainedStages", "50")
                    .config("spark.ui.retainedTasks", "1000");
            SparkSessions.defaults(ConfigLoader.defaults().config().spark()).forEach(builder::config);
            builder.config("spark.sql.shuffle.partitions", "2");
            session = builder.getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
