package org.newsprism.io;

import java.io.Serializable;
import org.newsprism.config.InputFormat;
import org.newsprism.config.JobConfig;

/**
 * One file to read.
 *
 * @param path fully qualified Hadoop path (file:/…, hdfs://…, s3a://…)
 * @param relativePath the path relative to the {@code --input} root it was found under (a file given
 *     directly: its name); text files use it as article id, other formats as the prefix of derived ids
 * @param format the concrete format (never AUTO)
 * @param fields the field names of this file's records ({@code input.fields}, or its source's own)
 */
public record InputFile(String path, String relativePath, InputFormat format, JobConfig.FieldNames fields)
        implements Serializable {}
