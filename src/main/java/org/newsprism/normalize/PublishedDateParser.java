package org.newsprism.normalize;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Parses {@code published_at} into a UTC instant: ISO-8601 with or without offset, fraction or time
 * ({@code 2025-08-18T10:00:00+02:00}, {@code …+0200}, {@code 2025-08-18T10:00Z}, {@code 2025-08-18},
 * {@code …[Europe/Berlin]}), RFC 1123 ({@code Tue, 3 Jun 2008 11:05:30 GMT}, {@code +0200}) and its RSS
 * variants with zone names ({@code Mon, 18 Aug 2025 11:30:00 CEST}), epoch seconds or milliseconds,
 * then the patterns of {@code normalize.dates.patterns} (read as UTC when they carry no zone). A date after the run start
 * plus {@code normalize.dates.future-tolerance}, or before 1800 (placeholders such as 0001-01-01),
 * is implausible: the instant is null and the status says why, the article is kept.
 */
public final class PublishedDateParser implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("\\d{9,13}");
    private static final Instant EARLIEST = Instant.parse("1800-01-01T00:00:00Z");

    private final List<String> patterns;
    private final Instant latest;
    private transient List<DateTimeFormatter> formatters;

    /** The outcome: an instant (or null) and a status: ok, missing, unparsable or implausible. */
    public record Parsed(Instant instant, String status) {}

    public PublishedDateParser(List<String> patterns, Instant runStart, Duration futureTolerance) {
        this.patterns = List.copyOf(patterns);
        this.latest = runStart.plus(futureTolerance);
    }

    public Parsed parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return new Parsed(null, "missing");
        }
        Instant instant = toInstant(raw.strip());
        if (instant == null) {
            return new Parsed(null, "unparsable");
        }
        if (instant.isAfter(latest) || instant.isBefore(EARLIEST)) {
            return new Parsed(null, "implausible");
        }
        return new Parsed(instant, "ok");
    }

    private Instant toInstant(String s) {
        if (EPOCH.matcher(s).matches()) {
            long value = Long.parseLong(s);
            return s.length() >= 12 ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        }
        for (DateTimeFormatter formatter : formatters()) {
            try {
                TemporalAccessor parsed = formatter.parseBest(s, ZonedDateTime::from, OffsetDateTime::from,
                        LocalDateTime::from, LocalDate::from);
                if (parsed instanceof ZonedDateTime z) {
                    return z.toInstant();
                }
                if (parsed instanceof OffsetDateTime o) {
                    return o.toInstant();
                }
                if (parsed instanceof LocalDateTime l) {
                    return l.toInstant(ZoneOffset.UTC);
                }
                if (parsed instanceof LocalDate d) {
                    return d.atStartOfDay(ZoneOffset.UTC).toInstant();
                }
            } catch (DateTimeParseException | ArithmeticException e) {
                // try the next format
            }
        }
        return null;
    }

    private List<DateTimeFormatter> formatters() {
        if (formatters == null) {
            List<DateTimeFormatter> list = new ArrayList<>();
            list.add(DateTimeFormatter.ISO_DATE_TIME);
            list.add(DateTimeFormatter.ISO_DATE);
            list.add(new java.time.format.DateTimeFormatterBuilder()
                    .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME).appendOffset("+HHMM", "Z").toFormatter(Locale.ROOT));
            list.add(DateTimeFormatter.RFC_1123_DATE_TIME);
            list.add(DateTimeFormatter.ofPattern("[EEE, ]d MMM yyyy HH:mm[:ss] zzz", Locale.ENGLISH));
            list.add(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm[:ss][.SSS][XXX][X]", Locale.ROOT));
            for (String pattern : patterns) {
                list.add(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
            }
            formatters = List.copyOf(list);
        }
        return formatters;
    }
}
