package cn.spotcheck.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Collects the yearly schedules: those shipped with the platform ({@code classpath:holidays/YYYY.csv}) and those
 * an administrator drops into the holidays directory, which win for the same year (a corrected notice). A shipped
 * file that does not parse is a defect of the release and stops the start; an administrator's file that does not
 * parse is left out, its year stays provisional, and the holiday schedule page says what is wrong with it.
 */
final class HolidayScheduleLoader {

    private static final Logger log = LoggerFactory.getLogger(HolidayScheduleLoader.class);
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.csv");

    enum Source { SHIPPED, ADMINISTRATOR }

    /** The official schedules, where each came from, and the administrator's files refused, by year. */
    record Inventory(WorkingDayCalendar calendar, Map<Integer, Source> sources, Map<Integer, String> problems) {
    }

    private HolidayScheduleLoader() {
    }

    static Inventory load(Path administratorDirectory) {
        Inventory inventory = inventory(administratorDirectory);
        log.info("节假日安排已加载：{} 年", inventory.sources().keySet());
        inventory.problems().forEach((year, problem) -> log.error("{} 年节假日安排未能加载，暂按法定节假日计算：{}", year, problem));
        return inventory;
    }

    private static Inventory inventory(Path administratorDirectory) {
        Map<Integer, List<ScheduledDay>> byYear = new TreeMap<>();
        Map<Integer, Source> sources = new TreeMap<>();
        Map<Integer, String> problems = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:holidays/*.csv")) {
                Integer year = yearOf(resource.getFilename());
                if (year != null) {
                    try (InputStream in = resource.getInputStream()) {
                        byYear.put(year, HolidayScheduleParser.parse("holidays/" + resource.getFilename(), year, in));
                        sources.put(year, Source.SHIPPED);
                    }
                }
            }
            if (administratorDirectory != null && Files.isDirectory(administratorDirectory)) {
                try (Stream<Path> files = Files.list(administratorDirectory)) {
                    for (Path file : files.sorted().toList()) {
                        Integer year = yearOf(file.getFileName().toString());
                        if (year != null) {
                            try {
                                byYear.put(year, HolidayScheduleFile.check(year, Files.readAllBytes(file)));
                                sources.put(year, Source.ADMINISTRATOR);
                            } catch (IllegalArgumentException e) {
                                problems.put(year, file.getFileName() + "：" + e.getMessage());
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("无法读取节假日安排数据：" + e.getMessage(), e);
        }
        return new Inventory(new WorkingDayCalendar(byYear), sources, problems);
    }

    private static Integer yearOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        Matcher m = YEAR_FILE.matcher(fileName);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }
}
