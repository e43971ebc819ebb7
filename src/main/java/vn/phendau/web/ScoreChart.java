package vn.phendau.web;

import java.util.ArrayList;
import java.util.List;
import vn.phendau.assessment.Assessment.ScoreGroup;
import vn.phendau.common.Text;

/**
 * The geometry of the report's score chart (an inline SVG): one horizontal bar per score group, its length the
 * points earned and, behind it, the group's maximum, on one scale so that groups compare.
 */
public record ScoreChart(List<Bar> bars, int width, int height, int barsX, int valueX) {

    static final int LABEL_WIDTH = 250;
    static final int POINT = 16;
    static final int ROW = 30;
    static final int BAR = 18;

    public record Bar(Text title, String group, int points, int max, int y, int textY, int width, int maxWidth) {
    }

    public static ScoreChart of(List<ScoreGroup> groups) {
        int longest = groups.stream().mapToInt(ScoreGroup::max).max().orElse(1);
        List<Bar> bars = new ArrayList<>();
        int y = 6;
        for (ScoreGroup g : groups) {
            bars.add(new Bar(g.title(), g.group(), g.points(), g.max(), y, y + BAR - 4, g.points() * POINT, g.max() * POINT));
            y += ROW;
        }
        int valueX = LABEL_WIDTH + longest * POINT + 10;
        return new ScoreChart(List.copyOf(bars), valueX + 60, y, LABEL_WIDTH, valueX);
    }
}
