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
 * an administrator drops into the holidays directory, which win for the same year (a corrected notice).
 */
final class HolidayScheduleLoader {

    private static final Logger log = LoggerFactory.getLogger(HolidayScheduleLoader.class);
    private static final Pattern YEAR_FILE = Pattern.compile("(\\d{4})\\.csv");

    private HolidayScheduleLoader() {
    }

    static WorkingDayCalendar load(Path administratorDirectory) {
        Map<Integer, List<ScheduledDay>> byYear = new TreeMap<>();
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:holidays/*.csv")) {
                Integer year = yearOf(resource.getFilename());
                if (year != null) {
                    try (InputStream in = resource.getInputStream()) {
                        byYear.put(year, HolidayScheduleParser.parse("holidays/" + resource.getFilename(), year, in));
                    }
                }
            }
            if (administratorDirectory != null && Files.isDirectory(administratorDirectory)) {
                try (Stream<Path> files = Files.list(administratorDirectory)) {
                    for (Path file : files.sorted().toList()) {
                        Integer year = yearOf(file.getFileName().toString());
                        if (year != null) {
                            try (InputStream in = Files.newInputStream(file)) {
                                byYear.put(year, HolidayScheduleParser.parse(file.toString(), year, in));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("无法读取节假日安排数据：" + e.getMessage(), e);
        }
        log.info("节假日安排已加载：{} 年", byYear.keySet());
        return new WorkingDayCalendar(byYear);
    }

    private static Integer yearOf(String fileName) {
        if (fileName == null) {
            return null;
        }
        Matcher m = YEAR_FILE.matcher(fileName);
        return m.matches() ? Integer.valueOf(m.group(1)) : null;
    }
}
