package org.newsprism.aggregate;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.text.StringEscapeUtils;

/**
 * Renders {@code report.html}: one self-contained page (inline CSS and SVG, no script, no network) with
 * the top entities by mentions, their sentiment (mean, ±1 standard deviation and the share of positive,
 * neutral and negative mentions), a daily timeline of the first few, and the dedup, reject and source
 * summaries. Every text that comes from the data (entity names, sources, reasons) is HTML-escaped with
 * commons-text, so a title or name such as {@code <script>} shows as text.
 *
 * <p>{@link ReportData} in, an HTML string out. Reads {@code output.report.*} through the data it is given.
 */
public final class HtmlReport {
    /** Colours of the timeline lines (Tableau 10), one per entity. */
    private static final List<String> PALETTE = List.of("#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
            "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac", "#1f77b4", "#8c564b");
    private static final int LABEL_WIDTH = 230;

    private HtmlReport() {}

    public static String render(ReportData data) {
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>Newsprism report – ").append(esc(data.title())).append("</title>\n")
                .append("<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;margin:2em auto;max-width:1000px;")
                .append("color:#222;padding:0 1em}h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;")
                .append("border-bottom:1px solid #ddd}table{border-collapse:collapse;margin:.5em 0}")
                .append("td,th{padding:.2em .8em;text-align:left;border-bottom:1px solid #eee}td.n,th.n{text-align:right;")
                .append("font-variant-numeric:tabular-nums}svg text{font-size:12px;fill:#333}.note{color:#666;font-size:.9em}")
                .append("\n</style>\n</head>\n<body>\n");
        h.append("<h1>Newsprism report</h1>\n<p class=\"note\">").append(esc(data.title())).append("</p>\n");
        totals(h, data.totals());
        h.append("<h2>Top entities by mentions</h2>\n");
        if (data.topEntities().isEmpty()) {
            h.append("<p>No entity mentions.</p>\n");
        } else {
            mentionBars(h, data.topEntities());
            h.append("<h2>Sentiment of their mentions</h2>\n<p class=\"note\">Dot: mean sentence score of the mentions"
                    + " (−1 … +1); line: ±1 standard deviation; bar: share of positive, neutral and negative mentions.</p>\n");
            sentiment(h, data.topEntities());
            h.append("<h2>Daily mentions</h2>\n");
            timeline(h, data);
        }
        h.append("<h2>Deduplication and rejects</h2>\n");
        h.append("<table><tr><th>duplicates by method</th><th class=\"n\">records</th></tr>\n");
        countRows(h, data.duplicatesByMethod());
        h.append("</table>\n<table><tr><th>rejected by stage</th><th class=\"n\">records</th></tr>\n");
        countRows(h, data.rejectedByStage());
        h.append("</table>\n");
        if (!data.topReasons().isEmpty()) {
            h.append("<table><tr><th>stage</th><th>most frequent reject reasons</th><th class=\"n\">records</th></tr>\n");
            for (ReportData.ReasonCount r : data.topReasons()) {
                h.append("<tr><td>").append(esc(r.stage())).append("</td><td>").append(esc(r.reason()))
                        .append("</td><td class=\"n\">").append(r.count()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        if (!data.topSources().isEmpty()) {
            h.append("<h2>Sources</h2>\n<table><tr><th>source</th><th class=\"n\">articles</th>")
                    .append("<th class=\"n\">duplicates</th><th class=\"n\">rejected</th></tr>\n");
            for (ReportData.SourceStat s : data.topSources()) {
                h.append("<tr><td>").append(esc(s.source())).append("</td><td class=\"n\">").append(s.articles())
                        .append("</td><td class=\"n\">").append(s.duplicates()).append("</td><td class=\"n\">")
                        .append(s.rejected()).append("</td></tr>\n");
            }
            h.append("</table>\n");
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** HTML-escapes text from the data (also safe inside double-quoted attributes). */
    static String esc(String text) {
        return text == null ? "" : StringEscapeUtils.escapeHtml4(text);
    }

    private static void totals(StringBuilder h, Map<String, Long> totals) {
        h.append("<table><tr><th>table</th><th class=\"n\">rows</th></tr>\n");
        countRows(h, totals);
        h.append("</table>\n");
    }

    private static void countRows(StringBuilder h, Map<String, Long> counts) {
        if (counts.isEmpty()) {
            h.append("<tr><td>none</td><td class=\"n\">0</td></tr>\n");
        }
        counts.forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td class=\"n\">").append(v)
                .append("</td></tr>\n"));
    }

    private static String entityLabel(ReportData.EntityStat e) {
        return esc(e.name()) + " <tspan fill=\"#888\">" + esc(e.type()) + "</tspan>";
    }

    private static void mentionBars(StringBuilder h, List<ReportData.EntityStat> entities) {
        int rowHeight = 22;
        int barWidth = 560;
        long max = entities.stream().mapToLong(ReportData.EntityStat::mentions).max().orElse(1);
        int height = entities.size() * rowHeight + 10;
        svgOpen(h, LABEL_WIDTH + barWidth + 80, height, "Top entities by mentions");
        for (int i = 0; i < entities.size(); i++) {
            ReportData.EntityStat e = entities.get(i);
            int y = 5 + i * rowHeight;
            double w = Math.max(1, barWidth * (double) e.mentions() / max);
            h.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(entityLabel(e)).append("</text>")
                    .append("<rect x=\"").append(LABEL_WIDTH).append("\" y=\"").append(y + 3).append("\" width=\"")
                    .append(fmt(w)).append("\" height=\"").append(rowHeight - 6).append("\" fill=\"#4e79a7\"><title>")
                    .append(esc(e.name())).append(": ").append(e.mentions()).append(" mentions in ").append(e.articles())
                    .append(" articles</title></rect>")
                    .append("<text x=\"").append(fmt(LABEL_WIDTH + w + 6)).append("\" y=\"").append(y + 15).append("\">")
                    .append(e.mentions()).append("</text>\n");
        }
        h.append("</svg>\n");
    }

    private static void sentiment(StringBuilder h, List<ReportData.EntityStat> entities) {
        int rowHeight = 22;
        int axis = 320;
        int shareX = LABEL_WIDTH + axis + 40;
        int shareWidth = 200;
        int top = 20;
        int height = entities.size() * rowHeight + top + 30;
        svgOpen(h, shareX + shareWidth + 10, height, "Sentiment of the top entities' mentions");
        double zero = LABEL_WIDTH + axis / 2.0;
        h.append("<text x=\"").append(fmt(zero)).append("\" y=\"12\" text-anchor=\"middle\">mean ± 1 sd</text>")
                .append("<text x=\"").append(shareX).append("\" y=\"12\">positive · neutral · negative</text>")
                .append("<line x1=\"").append(fmt(zero)).append("\" y1=\"").append(top).append("\" x2=\"")
                .append(fmt(zero)).append("\" y2=\"").append(height - 20).append("\" stroke=\"#bbb\"/>");
        for (double tick : new double[] {-1, -0.5, 0, 0.5, 1}) {
            double x = LABEL_WIDTH + (tick + 1) / 2 * axis;
            h.append("<text x=\"").append(fmt(x)).append("\" y=\"").append(height - 5)
                    .append("\" text-anchor=\"middle\">").append(fmt(tick)).append("</text>");
        }
        h.append("\n");
        for (int i = 0; i < entities.size(); i++) {
            ReportData.EntityStat e = entities.get(i);
            int y = top + 5 + i * rowHeight;
            double mean = clamp(e.sentimentMean());
            double low = clamp(e.sentimentMean() - e.sentimentStddev());
            double high = clamp(e.sentimentMean() + e.sentimentStddev());
            String colour = e.sentimentMean() > 0.05 ? "#59a14f" : e.sentimentMean() < -0.05 ? "#e15759" : "#888";
            h.append("<text x=\"").append(LABEL_WIDTH - 8).append("\" y=\"").append(y + 15)
                    .append("\" text-anchor=\"end\">").append(entityLabel(e)).append("</text>")
                    .append("<line x1=\"").append(fmt(x(low, axis))).append("\" y1=\"").append(y + 11).append("\" x2=\"")
                    .append(fmt(x(high, axis))).append("\" y2=\"").append(y + 11).append("\" stroke=\"").append(colour)
                    .append("\" stroke-width=\"2\"/>")
                    .append("<circle cx=\"").append(fmt(x(mean, axis))).append("\" cy=\"").append(y + 11)
                    .append("\" r=\"5\" fill=\"").append(colour).append("\"><title>").append(esc(e.name()))
                    .append(": mean ").append(fmt3(e.sentimentMean())).append(", sd ").append(fmt3(e.sentimentStddev()))
                    .append("</title></circle>");
            long all = Math.max(1, e.positive() + e.neutral() + e.negative());
            double x = shareX;
            long[] counts = {e.positive(), e.neutral(), e.negative()};
            String[] colours = {"#59a14f", "#ccc", "#e15759"};
            String[] names = {"positive", "neutral", "negative"};
            for (int k = 0; k < 3; k++) {
                double w = shareWidth * (double) counts[k] / all;
                if (w > 0) {
                    h.append("<rect x=\"").append(fmt(x)).append("\" y=\"").append(y + 4).append("\" width=\"")
                            .append(fmt(w)).append("\" height=\"").append(rowHeight - 8).append("\" fill=\"")
                            .append(colours[k]).append("\"><title>").append(counts[k]).append(' ').append(names[k])
                            .append("</title></rect>");
                }
                x += w;
            }
            h.append("\n");
        }
        h.append("</svg>\n");
    }

    private static void timeline(StringBuilder h, ReportData data) {
        LocalDate first = null;
        LocalDate last = null;
        long max = 1;
        for (Map<LocalDate, Long> days : data.timeline().values()) {
            for (Map.Entry<LocalDate, Long> d : days.entrySet()) {
                first = first == null || d.getKey().isBefore(first) ? d.getKey() : first;
                last = last == null || d.getKey().isAfter(last) ? d.getKey() : last;
                max = Math.max(max, d.getValue());
            }
        }
        if (first == null) {
            h.append("<p>No dated mentions of the top entities.</p>\n");
        } else {
            int left = 50;
            int width = 640;
            int plotHeight = 220;
            long span = Math.max(1, ChronoUnit.DAYS.between(first, last));
            svgOpen(h, left + width + 260, plotHeight + 40, "Daily mentions of the top entities");
            h.append("<line x1=\"").append(left).append("\" y1=\"").append(plotHeight + 10).append("\" x2=\"")
                    .append(left + width).append("\" y2=\"").append(plotHeight + 10).append("\" stroke=\"#999\"/>")
                    .append("<line x1=\"").append(left).append("\" y1=\"10\" x2=\"").append(left).append("\" y2=\"")
                    .append(plotHeight + 10).append("\" stroke=\"#999\"/>")
                    .append("<text x=\"").append(left - 6).append("\" y=\"15\" text-anchor=\"end\">").append(max).append("</text>")
                    .append("<text x=\"").append(left - 6).append("\" y=\"").append(plotHeight + 10)
                    .append("\" text-anchor=\"end\">0</text>")
                    .append("<text x=\"").append(left).append("\" y=\"").append(plotHeight + 28).append("\">").append(first)
                    .append("</text>");
            if (!last.equals(first)) {
                h.append("<text x=\"").append(left + width).append("\" y=\"").append(plotHeight + 28)
                        .append("\" text-anchor=\"end\">").append(last).append("</text>");
            }
            h.append("\n");
            int series = 0;
            for (Map.Entry<String, Map<LocalDate, Long>> entity : data.timeline().entrySet()) {
                String colour = PALETTE.get(series % PALETTE.size());
                String name = data.topEntities().stream().filter(e -> e.id().equals(entity.getKey()))
                        .map(ReportData.EntityStat::name).findFirst().orElse(entity.getKey());
                StringBuilder points = new StringBuilder();
                StringBuilder dots = new StringBuilder();
                for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                    long value = entity.getValue().getOrDefault(day, 0L);
                    double x = left + (first.equals(last) ? width / 2.0 : width * (double) ChronoUnit.DAYS.between(first, day) / span);
                    double y = 10 + plotHeight * (1 - (double) value / max);
                    points.append(fmt(x)).append(',').append(fmt(y)).append(' ');
                    if (value > 0) {
                        dots.append("<circle cx=\"").append(fmt(x)).append("\" cy=\"").append(fmt(y))
                                .append("\" r=\"2.5\" fill=\"").append(colour).append("\"><title>").append(esc(name))
                                .append(' ').append(day).append(": ").append(value).append("</title></circle>");
                    }
                }
                h.append("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"2\" points=\"")
                        .append(points.toString().strip()).append("\"/>").append(dots)
                        .append("<rect x=\"").append(left + width + 20).append("\" y=\"").append(12 + series * 18)
                        .append("\" width=\"12\" height=\"12\" fill=\"").append(colour).append("\"/>")
                        .append("<text x=\"").append(left + width + 38).append("\" y=\"").append(22 + series * 18)
                        .append("\">").append(esc(name)).append("</text>\n");
                series++;
            }
            h.append("</svg>\n");
        }
        if (data.undatedMentions() > 0) {
            h.append("<p class=\"note\">").append(data.undatedMentions())
                    .append(" mentions of these entities are in articles without a date and not drawn.</p>\n");
        }
    }

    private static void svgOpen(StringBuilder h, int width, int height, String label) {
        h.append("<svg role=\"img\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" aria-label=\"").append(esc(label)).append("\">\n");
    }

    private static double x(double score, int axis) {
        return LABEL_WIDTH + (score + 1) / 2 * axis;
    }

    private static double clamp(double score) {
        return Math.max(-1, Math.min(1, score));
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    private static String fmt3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
