package cn.spotcheck.draw;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import cn.spotcheck.catalog.CandidateScan;
import cn.spotcheck.draw.algorithm.TargetDraw;
import cn.spotcheck.plan.DrawForecast;
import cn.spotcheck.plan.TaskView;

/** The draw a task would make today, counted per credit level with the ratios and rounding the draw uses. */
@Component
class DrawForecasts implements DrawForecast {

    private final CandidateScan candidates;
    private final DrawSettings settings;

    DrawForecasts(CandidateScan candidates, DrawSettings settings) {
        this.candidates = candidates;
        this.settings = settings;
    }

    @Override
    public List<Level> of(TaskView task) {
        List<Level> levels = new ArrayList<>();
        if (task.targeted()) {
            int[] named = new int[1];
            candidates.scanNamed(task.targetIds(), (id, level) -> named[0]++);
            return List.of(new Level(TargetDraws.TARGETED, named[0], TargetDraw.ALL, named[0]));
        }
        candidates.countByCreditLevel(task.targetFilter().categories(), task.targetFilter().regions(), task.targetFilter().tags())
                .forEach((level, count) -> {
                    var ratio = settings.ratioFor(level, task.ratio());
                    levels.add(new Level(level, count, ratio, TargetDraw.drawCount(ratio, count)));
                });
        return levels;
    }
}
