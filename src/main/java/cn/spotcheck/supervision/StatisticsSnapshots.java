package cn.spotcheck.supervision;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
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
 * level and officer takes the database a second or two; the page is read far more often than that changes, so each
 * year opened is counted again in the background every {@link #REFRESH} and the page shows when it was counted. The
 * current year and the year before are counted once the platform is up, so only the first opening of an older year
 * after a start waits for the count.
 */
@Component
class StatisticsSnapshots implements DisposableBean {

    static final Duration REFRESH = Duration.ofMinutes(5);
    /** A year nobody opened for this long is no longer counted in the background. */
    private static final Duration KEEP = Duration.ofHours(2);
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
    void countCurrentYears() {
        int year = BureauTime.today().getYear();
        refresher.execute(() -> {
            try {
                of(year);
                of(year - 1);
            } catch (RuntimeException e) {
                log.warn("启动后预先统计 {} 年数据未完成，首次打开时再统计：{}", year, e.getMessage());
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
        lastOpened.entrySet().removeIf(e -> e.getValue().isBefore(now.minus(KEEP)));
        snapshots.keySet().retainAll(lastOpened.keySet());
        for (Integer year : lastOpened.keySet()) {
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
