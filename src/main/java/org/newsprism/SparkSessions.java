package org.newsprism;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import org.newsprism.config.JobConfig;

/**
 * Creates (or joins) the SparkSession for a run. Settings given to spark-submit win over Newsprism's
 * defaults ({@code spark.master}, {@code spark.shuffle-partitions}); {@code spark.conf} entries always
 * apply. Times are UTC, and Parquet dates and timestamps are read and written as stored (no "ancient
 * date" rebase failures on files from pyarrow or DuckDB).
 */
public final class SparkSessions {
    private SparkSessions() {}

    public static SparkSession getOrCreate(JobConfig.SparkSettings settings) {
        SparkConf submitted = new SparkConf();
        SparkSession.Builder builder = SparkSession.builder().appName(settings.appName());
        if (!submitted.contains("spark.master")) {
            builder.master(settings.master());
        }
        defaults(settings).forEach((key, value) -> {
            if (!submitted.contains(key)) {
                builder.config(key, value);
            }
        });
        settings.conf().forEach(builder::config);
        return builder.getOrCreate();
    }

    /** The settings Newsprism relies on; tests apply the same ones to their shared session. */
    public static Map<String, String> defaults(JobConfig.SparkSettings settings) {
        Map<String, String> conf = new LinkedHashMap<>();
        conf.put("spark.sql.shuffle.partitions", String.valueOf(settings.shufflePartitions()));
        conf.put("spark.sql.session.timeZone", "UTC");
        conf.put("spark.sql.datetime.java8API.enabled", "false");
        conf.put("spark.sql.parquet.datetimeRebaseModeInRead", "CORRECTED");
        conf.put("spark.sql.parquet.int96RebaseModeInRead", "CORRECTED");
        conf.put("spark.sql.parquet.datetimeRebaseModeInWrite", "CORRECTED");
        conf.put("spark.sql.parquet.int96RebaseModeInWrite", "CORRECTED");
        conf.put("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS");
        conf.put("spark.serializer", "org.apache.spark.serializer.KryoSerializer");
        conf.put("spark.kryoserializer.buffer.max", "512m");
        conf.put("spark.ui.showConsoleProgress", "false");
        return conf;
    }
}
