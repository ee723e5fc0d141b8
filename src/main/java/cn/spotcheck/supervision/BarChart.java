package cn.spotcheck.supervision;

import java.util.List;
import java.util.Locale;

/**
 * A grouped horizontal bar chart drawn on the server as SVG: one group per row (a department), one bar per series,
 * the value written at the bar's end. No script, so it prints, and reads without JavaScript.
 */
final class BarChart {

    /** A series: its name in the legend and its colour. */
    record Series(String name, String colour) {
    }

    /** A labelled group of values, one per series. */
    record Group(String label, List<Long> values) {
    }

    private static final int LABEL_WIDTH = 130;
    private static final int BAR_AREA = 520;
    private static final int BAR_HEIGHT = 14;
    private static final int GROUP_GAP = 14;
    private static final int LEGEND_HEIGHT = 28;

    private BarChart() {
    }

    static String svg(String title, List<Series> series, List<Group> groups) {
        long max = Math.max(1, groups.stream().flatMap(g -> g.values().stream()).mapToLong(Long::longValue).max().orElse(1));
        int groupHeight = series.size() * BAR_HEIGHT + GROUP_GAP;
        int height = LEGEND_HEIGHT + groups.size() * groupHeight + 4;
        int width = LABEL_WIDTH + BAR_AREA + 70;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 %d %d\" width=\"100%%\" "
                        + "style=\"max-width:%dpx\" font-size=\"12\"><title>%s</title>", width, height, width, escape(title)));
        int x = LABEL_WIDTH;
        for (Series s : series) {
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"%s\"/><text x=\"%d\" y=\"16\">%s</text>",
                    x, s.colour(), x + 16, escape(s.name())));
            x += 16 + 14 * s.name().length() + 18;
        }
        int y = LEGEND_HEIGHT;
        for (Group g : groups) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", LABEL_WIDTH - 8,
                    y + series.size() * BAR_HEIGHT / 2 + 4, escape(g.label())));
            for (int i = 0; i < series.size(); i++) {
                long value = g.values().get(i);
                int w = (int) Math.round(BAR_AREA * (double) value / max);
                int barY = y + i * BAR_HEIGHT;
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"><title>%s %s：%d</title></rect>"
                                + "<text x=\"%d\" y=\"%d\" font-size=\"11\">%d</text>", LABEL_WIDTH, barY, w, BAR_HEIGHT - 2, series.get(i).colour(),
                        escape(g.label()), escape(series.get(i).name()), value, LABEL_WIDTH + w + 4, barY + BAR_HEIGHT - 3, value));
            }
            y += groupHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
