package org.newsprism.normalize;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PublishedDateParserTest {
    private final PublishedDateParser parser = new PublishedDateParser(List.of("dd.MM.yyyy", "dd.MM.yyyy HH:mm"),
            Instant.parse("2025-09-01T00:00:00Z"), Duration.ofDays(2));

    private String parse(String raw) {
        PublishedDateParser.Parsed p = parser.parse(raw);
        return p.status() + (p.instant() == null ? "" : " " + p.instant());
    }

    @Test
    void isoVariantsRfc1123EpochAndConfiguredPatterns() {
        assertEquals("ok 2025-08-18T08:00:00Z", parse("2025-08-18T10:00:00+02:00"));
        assertEquals("ok 2025-08-18T10:00:00Z", parse("2025-08-18T10:00:00Z"));
        assertEquals("ok 2025-08-18T10:00:00Z", parse("2025-08-18T10:00:00"));
        assertEquals("ok 2025-08-18T00:00:00Z", parse("2025-08-18"));
        assertEquals("ok 2025-08-18T09:30:00Z", parse("Mon, 18 Aug 2025 09:30:00 GMT"));
        assertEquals("ok 2025-08-18T10:00:00Z", parse("2025-08-18 10:00:00"));
        assertEquals("ok 2025-08-18T10:00:00Z", parse("1755511200"));
        assertEquals("ok 2025-08-18T10:00:00Z", parse("1755511200000"));
        assertEquals("ok 2025-08-18T00:00:00Z", parse("18.08.2025"));
        assertEquals("ok 2025-08-18T10:15:00Z", parse("18.08.2025 10:15"));
    }

    @Test
    void offsetsWithoutColonFractionsZoneIdsAndRssZoneNames() {
        assertEquals("ok 2025-08-18T08:00:00Z", parse("2025-08-18T10:00:00+0200"));
        assertEquals("ok 2025-08-18T08:00:00.250Z", parse("2025-08-18T10:00:00.250+02:00"));
        assertEquals("ok 2025-08-18T08:00:00Z", parse("2025-08-18T10:00:00+02:00[Europe/Berlin]"));
        assertEquals("ok 2025-08-18T08:00:00Z", parse("2025-08-18T10:00+02:00"));
        assertEquals("ok 2025-08-18T07:30:00Z", parse("Mon, 18 Aug 2025 09:30:00 +0200"));
        assertEquals("ok 2025-08-18T09:30:00Z", parse("18 Aug 2025 09:30:00 GMT"));
        assertEquals("ok 2025-08-18T07:30:00Z", parse("Mon, 18 Aug 2025 09:30:00 CEST"));
        assertEquals("ok 2025-08-18T13:30:00Z", parse("Mon, 18 Aug 2025 09:30:00 EDT"));
        assertEquals("ok 2025-08-18T10:00:00Z", parse("  2025-08-18 10:00:00  "));
    }

    @Test
    void missingGarbageFutureAndPlaceholderDatesAreKeptAsNullWithAStatus() {
        assertEquals("missing", parse(null));
        assertEquals("missing", parse("  "));
        assertEquals("unparsable", parse("yesterday-ish"));
        assertEquals("unparsable", parse("2025-13-45"));
        assertEquals("implausible", parse("2031-01-01"));
        assertEquals("ok 2025-09-02T00:00:00Z", parse("2025-09-02"));
        assertEquals("implausible", parse("0001-01-01"));
    }
}
