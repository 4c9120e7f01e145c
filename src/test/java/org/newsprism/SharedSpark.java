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
                    .config("spark.driver.bindAddress", "127.0.0.1");
            SparkSessions.defaults(ConfigLoader.defaults().config().spark()).forEach(builder::config);
            builder.config("spark.sql.shuffle.partitions", "2");
            session = builder.getOrCreate();
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }
}
