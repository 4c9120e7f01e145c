package org.newsprism.config;

import java.util.List;

/**
 * A command-line flag, input path or configuration setting is not acceptable. The message is one line
 * that names the flag, path or key, the offending value and the rule it breaks; the job prints it and
 * exits non-zero before any Spark work starts.
 */
public final class InvalidSettingsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidSettingsException(String message) {
        super(message);
    }

    /** One exception for several problems, reported together so the user can fix all at once. */
    public static InvalidSettingsException of(List<String> problems) {
        return new InvalidSettingsException(String.join("; ", problems));
    }
}
