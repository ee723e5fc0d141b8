package cn.spotcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Starts the platform a second time inside the test JVM, beside the shared test context: its own data directory,
 * its own engine name, and no web layer (the Camunda webapps and REST API keep static state that belongs to the
 * shared context).
 */
public final class SecondPlatform {

    private SecondPlatform() {
    }

    public static ConfigurableApplicationContext start(Path dataDir, String engineName, String... moreArgs) {
        return start(new String[] {"test"}, dataDir, engineName, moreArgs);
    }

    public static ConfigurableApplicationContext start(String[] profiles, Path dataDir, String engineName, String... moreArgs) {
        List<String> args = new ArrayList<>(List.of(
                "--spotcheck.data-dir=" + dataDir,
                "--camunda.bpm.process-engine-name=" + engineName,
                "--spring.main.web-application-type=none",
                "--spring.autoconfigure.exclude=org.camunda.bpm.spring.boot.starter.rest.CamundaBpmRestJerseyAutoConfiguration",
                "--spring.jmx.enabled=false"));
        args.addAll(List.of(moreArgs));
        return new SpringApplicationBuilder(SpotCheckApplication.class).profiles(profiles).run(args.toArray(String[]::new));
    }

    /** The whole platform, web layer included: only in a JVM of its own ({@link ClusterNode}), never beside the shared context. */
    public static ConfigurableApplicationContext startWithWeb(String[] profiles, Path dataDir, String... moreArgs) {
        List<String> args = new ArrayList<>(List.of("--spotcheck.data-dir=" + dataDir, "--spring.jmx.enabled=false"));
        args.addAll(List.of(moreArgs));
        return new SpringApplicationBuilder(SpotCheckApplication.class).profiles(profiles).run(args.toArray(String[]::new));
    }
}
