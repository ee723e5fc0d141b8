package cn.spotcheck.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;

/**
 * The statistics page's figures as of a few minutes ago. Counting a year of a million inspections per department,
 * level and officer takes the database a second or so; the page is read far more often than that changes, so every
 * year with plans is counted once the platform is up (newest first, in the background) and kept; the current year,
 * the year before and any year opened in the last {@link #READ_RECENTLY} are counted again every {@link #REFRESH}.
 * The page shows when its figures were counted. Only a page opened while its year is still being counted waits.
 */
@Component
class StatisticsSnapshots implements DisposableBean {

    static final Duration REFRESH = Duration.ofMinutes(5);
    /** An older year read within this long is kept fresh; otherwise it keeps its last count (it seldom changes). */
    private static final Duration READ_RECENTLY = Duration.ofHours(2);
    private static final Logger log = LoggerFactory.getLogger(StatisticsSnapshots.class);

    /** The figures and when they were counted. */
    record Snapshot(YearFigures figures, Instant countedAt) {
    }

    private final SupervisionStatistics statistics;
    private final Map<Integer, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<Integer, Instant> lastOpened = new ConcurrentHashMap<>();
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "statistics-refresh");
        thread.setDaemon(true);
        return thread;
    });

    StatisticsSnapshots(SupervisionStatistics statistics) {
        this.statistics = statistics;
        refresher.scheduleWithFixedDelay(this::refresh, REFRESH.toSeconds(), REFRESH.toSeconds(), TimeUnit.SECONDS);
    }

    @EventListener(ApplicationReadyEvent.class)
    void countAtStart() {
        refresher.execute(() -> {
            int current = BureauTime.today().getYear();
            SortedSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
            years.addAll(List.of(current, current - 1));
            years.addAll(statistics.years());
            for (int year : years) {
                try {
                    snapshots.computeIfAbsent(year, this::count);
                } catch (RuntimeException e) {
                    log.warn("启动后预先统计 {} 年数据未完成，首次打开时再统计：{}", year, e.getMessage());
                }
            }
        });
    }

    Snapshot of(int year) {
        lastOpened.put(year, Instant.now());
        return snapshots.computeIfAbsent(year, this::count);
    }

    private Snapshot count(int year) {
        return new Snapshot(statistics.of(year), Instant.now());
    }

    private void refresh() {
        Instant now = Instant.now();
        int current = BureauTime.today().getYear();
        lastOpened.entrySet().removeIf(e -> e.getValue().isBefore(now.minus(READ_RECENTLY)));
        for (Integer year : snapshots.keySet()) {
            if (year < current - 1 && !lastOpened.containsKey(year)) {
                continue;
            }
            try {
                snapshots.put(year, count(year));
            } catch (RuntimeException e) {
                log.warn("{} 年统计数据未能更新，页面暂显示上次统计的结果：{}", year, e.getMessage());
            }
        }
    }

    @Override
    public void destroy() {
        refresher.shutdownNow();
    }
}
