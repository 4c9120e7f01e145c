package org.newsprism.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.newsprism.config.InvalidSettingsException;

/**
 * Opens the data files that configuration points at: {@code classpath:…} for what ships in the jar
 * (the default catalogue, lexicons and patterns), anything else as a Hadoop path (local, HDFS, S3).
 * Files are read on the driver only; stages ship the parsed content to executors.
 */
public final class Resources {
    private static final String CLASSPATH = "classpath:";

    private Resources() {}

    /** All lines of a UTF-8 resource. */
    public static List<String> readLines(String location, String settingKey) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(open(location, settingKey), StandardCharsets.UTF_8))) {
            return reader.lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /**
     * Opens a resource.
     *
     * @throws InvalidSettingsException naming the setting when the resource does not exist
     */
    public static InputStream open(String location, String settingKey) {
        try {
            if (location.startsWith(CLASSPATH)) {
                String name = location.substring(CLASSPATH.length());
                InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(name);
                if (in == null) {
                    in = Resources.class.getClassLoader().getResourceAsStream(name);
                }
                if (in == null) {
                    throw new InvalidSettingsException(settingKey + " = " + location + ": no such resource on the classpath");
                }
                return in;
            }
            Path path = new Path(location);
            return path.getFileSystem(new Configuration()).open(path);
        } catch (java.io.FileNotFoundException e) {
            throw new InvalidSettingsException(settingKey + " = " + location + ": no such file");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open " + location, e);
        }
    }
}
