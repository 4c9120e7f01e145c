package org.newsprism.io;

import static org.apache.spark.sql.types.DataTypes.LongType;
import static org.apache.spark.sql.types.DataTypes.StringType;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * The one schema every reader produces: the article fields as strings, where the record came from, and
 * a {@code reject_reason} (null for a readable record) with a short excerpt of the raw input.
 *
 * <table>
 *   <caption>columns</caption>
 *   <tr><td>input_file</td><td>the file's full path</td></tr>
 *   <tr><td>input_position</td><td>byte offset of the line (JSON Lines), 1-based record number (CSV/TSV),
 *       row index (Parquet), 0 (text and HTML files), byte offset of the record (WARC; compressed offset
 *       for .warc.gz, where a reader can seek to it)</td></tr>
 *   <tr><td>record_key</td><td>stable key of the record: relative path, plus ":" and position for
 *       multi-record files; it becomes the article id when the input has none</td></tr>
 *   <tr><td>html</td><td>an HTML page the article is extracted from in stage normalise (HTML files, WARC
 *       responses, the {@code input.fields.html} field), else null</td></tr>
 * </table>
 */
public final class RawRecords {
    private RawRecords() {}

    public static final StructType SCHEMA = new StructType()
            .add("input_file", StringType, false)
            .add("input_position", LongType, false)
            .add("record_key", StringType, false)
            .add("input_id", StringType, true)
            .add("url", StringType, true)
            .add("source", StringType, true)
            .add("title", StringType, true)
            .add("text", StringType, true)
            .add("published_at", StringType, true)
            .add("language", StringType, true)
            .add("html", StringType, true)
            .add("reject_reason", StringType, true)
            .add("raw_excerpt", StringType, true);

    /** The article fields of one record, already extracted as strings (null when absent). */
    public record Fields(String id, String url, String source, String title, String text, String publishedAt,
            String language, String html) {}

    public static Row accepted(String file, long position, String recordKey, Fields f) {
        return RowFactory.create(file, position, recordKey, f.id(), f.url(), f.source(), f.title(), f.text(),
                f.publishedAt(), f.language(), f.html(), null, null);
    }

    public static Row rejected(String file, long position, String recordKey, String reason, String raw, int excerptChars) {
        return RowFactory.create(file, position, recordKey, null, null, null, null, null, null, null, null, reason,
                excerpt(raw, excerptChars));
    }

    /** The first {@code max} characters of a raw record (never splitting a surrogate pair). */
    public static String excerpt(String raw, int max) {
        if (raw == null) {
            return null;
        }
        if (raw.length() <= max) {
            return raw;
        }
        int end = Character.isHighSurrogate(raw.charAt(max - 1)) ? max - 1 : max;
        return raw.substring(0, end) + "…";
    }

    /**
     * A one-line account of an error for a reject reason: the exception's simple class name and the first
     * line of its message, at most 200 characters.
     */
    public static String errorDetail(Throwable error) {
        String message = error.getMessage() == null ? "" : error.getMessage().strip().lines().findFirst().orElse("");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "…";
        }
        return error.getClass().getSimpleName() + ": " + message;
    }

    /** The record key of a record inside a multi-record file. */
    public static String keyOf(String relativePath, long position) {
        return relativePath + ":" + position;
    }
}
