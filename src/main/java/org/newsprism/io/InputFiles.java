package org.newsprism.io;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.newsprism.config.InputFormat;
import org.newsprism.config.InvalidSettingsException;
import org.newsprism.config.JobConfig;

/**
 * Expands the {@code --input} arguments (files, directories, globs) into the list of files to read, on
 * the driver and before Spark starts, so a missing input fails fast with a message naming it.
 *
 * <p>Directories are listed recursively; hidden files and Hadoop/Spark markers (names starting with
 * {@code .} or {@code _}) are skipped. Files are sorted by path so runs are reproducible. With format
 * AUTO, each file's format comes from its extension ({@link InputFormat#ofFileName}). Reads
 * {@code input.paths}, {@code input.format}, {@code input.fields} and {@code input.sources}.
 */
public final class InputFiles {
    private InputFiles() {}

    /**
     * The files of {@code input.sources} (each with its own format and field names), then those of
     * {@code input.paths}; a file named twice is read once, with the settings of its first mention.
     *
     * @throws InvalidSettingsException naming each input that does not exist or matches nothing
     */
    public static List<InputFile> resolve(JobConfig.Input input, Configuration hadoop) {
        Map<String, InputFile> files = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (JobConfig.Source source : input.sources()) {
            add(source.path(), "input.sources path " + source.path(), source.format(), source.fields(), hadoop,
                    files, problems);
        }
        for (String path : input.paths()) {
            add(path, "--input " + path, input.format(), input.fields(), hadoop, files, problems);
        }
        if (!problems.isEmpty()) {
            throw InvalidSettingsException.of(problems);
        }
        return List.copyOf(files.values());
    }

    /**
     * The files of {@code inputs}, all read with one format and one set of field names.
     *
     * @throws InvalidSettingsException naming each input that does not exist or matches nothing
     */
    public static List<InputFile> resolve(List<String> inputs, InputFormat format, JobConfig.FieldNames fields,
            Configuration hadoop) {
        Map<String, InputFile> files = new TreeMap<>();
        List<String> problems = new ArrayList<>();
        for (String input : inputs) {
            add(input, "--input " + input, format, fields, hadoop, files, problems);
        }
        if (!problems.isEmpty()) {
            throw InvalidSettingsException.of(problems);
        }
        return List.copyOf(files.values());
    }

    private static void add(String input, String label, InputFormat format, JobConfig.FieldNames fields,
            Configuration hadoop, Map<String, InputFile> files, List<String> problems) {
        try {
            List<InputFile> found = expand(input, format, fields, hadoop);
            if (found == null) {
                problems.add(label + ": no such file or directory");
            } else {
                found.forEach(f -> files.putIfAbsent(f.path(), f));
            }
        } catch (IOException e) {
            problems.add(label + ": cannot be listed (" + e.getMessage() + ")");
        }
    }

    private static List<InputFile> expand(String input, InputFormat format, JobConfig.FieldNames fields,
            Configuration hadoop) throws IOException {
        Path path = new Path(input);
        FileSystem fs = path.getFileSystem(hadoop);
        List<InputFile> result = new ArrayList<>();
        if (isGlob(input)) {
            FileStatus[] matches = fs.globStatus(path);
            if (matches == null || matches.length == 0) {
                return null;
            }
            Path root = globRoot(path);
            for (FileStatus match : matches) {
                collect(fs, match, fs.makeQualified(root), format, fields, result);
            }
            return result;
        }
        FileStatus status;
        try {
            status = fs.getFileStatus(path);
        } catch (FileNotFoundException e) {
            return null;
        }
        Path root = status.isDirectory() ? status.getPath() : status.getPath().getParent();
        collect(fs, status, root, format, fields, result);
        return result;
    }

    private static void collect(FileSystem fs, FileStatus status, Path root, InputFormat format,
            JobConfig.FieldNames fields, List<InputFile> out) throws IOException {
        if (status.isFile()) {
            add(status.getPath(), root, format, fields, out);
            return;
        }
        RemoteIterator<LocatedFileStatus> it = fs.listFiles(status.getPath(), true);
        while (it.hasNext()) {
            LocatedFileStatus file = it.next();
            if (!isHidden(file.getPath(), status.getPath())) {
                add(file.getPath(), root, format, fields, out);
            }
        }
    }

    private static void add(Path file, Path root, InputFormat format, JobConfig.FieldNames fields, List<InputFile> out) {
        String full = file.toString();
        String rootText = root.toString().endsWith("/") ? root.toString() : root + "/";
        String relative = full.startsWith(rootText) ? full.substring(rootText.length()) : file.getName();
        InputFormat concrete = format == InputFormat.AUTO ? InputFormat.ofFileName(file.getName()) : format;
        out.add(new InputFile(full, relative, concrete, fields));
    }

    /** Hidden: any path component below the listed directory starts with "." or "_". */
    private static boolean isHidden(Path file, Path listedDir) {
        for (Path p = file; p != null && !p.equals(listedDir); p = p.getParent()) {
            String name = p.getName();
            if (name.startsWith(".") || name.startsWith("_")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isGlob(String input) {
        return input.indexOf('*') >= 0 || input.indexOf('?') >= 0 || input.indexOf('[') >= 0 || input.indexOf('{') >= 0;
    }

    /** The deepest ancestor of a glob without glob characters: relative paths start below it. */
    private static Path globRoot(Path glob) {
        Path p = glob;
        while (p.getParent() != null && isGlob(p.toString())) {
            p = p.getParent();
        }
        return p;
    }

    /** Reads the Hadoop configuration the driver would use (spark.hadoop.* system properties included). */
    public static Configuration hadoopConfiguration(Map<String, String> sparkSettings) {
        Configuration conf = new Configuration();
        sparkSettings.forEach((k, v) -> {
            if (k.startsWith("spark.hadoop.")) {
                conf.set(k.substring("spark.hadoop.".length()), v);
            }
        });
        System.getProperties().forEach((k, v) -> {
            String key = String.valueOf(k);
            if (key.startsWith("spark.hadoop.")) {
                conf.set(key.substring("spark.hadoop.".length()), String.valueOf(v));
            }
        });
        return conf;
    }
}
