package org.newsprism.aggregate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

class HtmlReportTest {
    private static final String EVIL = "<script>alert('x')</script> & \"Co\"";

    private static ReportData data(List<ReportData.EntityStat> entities, Map<String, Map<LocalDate, Long>> timeline,
            long undated) {
        Map<String, Long> totals = new LinkedHashMap<>();
        totals.put("articles", 3L);
        totals.put("mentions", 12L);
        return new ReportData("run r1 (overwrite)", totals, entities, timeline, undated,
                Map.of("exact", 2L), new TreeMap<>(Map.of("read", 1L, "normalize", 4L)),
                List.of(new ReportData.ReasonCount("read", "malformed JSON: <b>oops</b>", 1)),
                List.of(new ReportData.SourceStat(EVIL, 3, 2, 0)));
    }

    private static ReportData.EntityStat entity(String id, String name, long mentions, double mean, double sd) {
        return new ReportData.EntityStat(id, name, "PER", mentions, 2, mean, sd, 1, mentions - 2, 1);
    }

    @Test
    void dataTextIsEscapedAndThePageIsSelfContained() {
        Map<String, Map<LocalDate, Long>> timeline = new LinkedHashMap<>();
        timeline.put("evil", new TreeMap<>(Map.of(LocalDate.of(2025, 8, 18), 3L, LocalDate.of(2025, 8, 20), 5L)));
        timeline.put("merz", new TreeMap<>(Map.of(LocalDate.of(2025, 8, 19), 2L)));
        String html = HtmlReport.render(data(List.of(entity("evil", EVIL, 8, -0.3, 0.4), entity("merz", "Friedrich Merz", 2, 0.9, 0.5)),
                timeline, 4));

        assertFalse(html.contains("<script"), "no script element, from the data or otherwise");
        assertFalse(html.contains("<b>oops"), "reject reasons are escaped");
        assertTrue(html.contains("&lt;script&gt;alert('x')&lt;/script&gt; &amp; &quot;Co&quot;"));
        assertFalse(Pattern.compile("(?i)(src|href)\\s*=|https?://|@import|url\\(").matcher(html).find(),
                "nothing is loaded from anywhere");

        Document page = Jsoup.parse(html);
        assertEquals(3, page.select("svg").size(), "bars, sentiment and timeline");
        assertEquals(0, page.select("script, link, img, iframe").size());
        // The name is text in the bar chart, the sentiment chart and the timeline legend.
        assertEquals(3, page.select("svg text").stream().filter(t -> t.text().startsWith(EVIL)).count());
        assertTrue(page.text().contains("4 mentions of these entities are in articles without a date"));
        assertEquals(2, page.select("polyline").size(), "one line per timeline entity");
    }

    @Test
    void barsScaleWithMentionsAndTheSentimentDotSitsAtTheMean() {
        String html = HtmlReport.render(data(List.of(entity("a", "A", 10, 0.5, 0.25), entity("b", "B", 5, -1.4, 0.0)),
                Map.of(), 0));
        Document page = Jsoup.parse(html);
        List<Double> widths = page.select("svg").get(0).select("rect").stream()
                .map(r -> Double.parseDouble(r.attr("width"))).toList();
        assertEquals(2, widths.size());
        assertEquals(2.0, widths.get(0) / widths.get(1), 1e-9);
        List<Double> dots = page.select("svg").get(1).select("circle").stream()
                .map(c -> Double.parseDouble(c.attr("cx"))).toList();
        // Axis -1 … 1 over 320 px after the 230 px labels: 0.5 -> 470; -1.4 is clamped to -1 -> 230.
        assertEquals(470.0, dots.get(0), 1e-9);
        assertEquals(230.0, dots.get(1), 1e-9);
        assertTrue(page.text().contains("No dated mentions of the top entities."));
    }

    @Test
    void anEmptyRunStillRenders() {
        String html = HtmlReport.render(new ReportData("run r0 (overwrite)", Map.of(), List.of(), Map.of(), 0,
                Map.of(), Map.of(), List.of(), List.of()));
        Document page = Jsoup.parse(html);
        assertEquals(0, page.select("svg").size());
        assertTrue(page.text().contains("No entity mentions."));
        Matcher title = Pattern.compile("<title>(.*)</title>").matcher(html);
        assertTrue(title.find());
        assertEquals("Newsprism report – run r0 (overwrite)", title.group(1));
    }
}
