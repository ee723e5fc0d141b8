package cn.spotcheck.calendar;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Puts the JVM on Beijing time before any bean exists, so dates, timers and "today" do not depend on the host's
 * zone (servers and CI often run on UTC). Runs in tests too, unlike a line in {@code main}.
 */
public class BureauTimeZone implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        BureauTime.installAsDefault();
    }
}
