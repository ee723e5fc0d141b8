package cn.spotcheck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.spotcheck.GeneratedDirectory;
import cn.spotcheck.PlatformNode;
import cn.spotcheck.SecondPlatform;

/**
 * A platform's data directory built once and copied for each run of a benchmark, so that every run starts from the
 * same state without paying for the build again. Kept under the system's temporary directory unless told otherwise.
 */
final class BenchTemplate {

    /** Builds a template's data directory (empty and existing when called). */
    @FunctionalInterface
    interface Builder {
        void build(Path dataDir) throws IOException;
    }

    private final Path dir;

    private BenchTemplate(Path dir) {
        this.dir = dir;
    }

    /** The template named {@code name}, or the directory {@code -Dbench.template} names; built now if not yet. */
    static BenchTemplate of(String name, Builder builder) throws IOException {
        Path dir = Path.of(System.getProperty("bench.template", System.getProperty("java.io.tmpdir") + "/spotcheck-" + name + "-template"));
        if (!Files.exists(dir.resolve("READY"))) {
            delete(dir);
            Files.createDirectories(dir);
            builder.build(dir);
            Files.writeString(dir.resolve("READY"), "");
        }
        return new BenchTemplate(dir);
    }

    /** A fresh copy of the template, to be deleted after the run. */
    Path copy(String prefix) throws IOException {
        Path to = Files.createTempDirectory(prefix);
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                if (path.equals(dir)) {
                    continue;
                }
                Path target = to.resolve(dir.relativize(path).toString());
                // The database's own directories keep their owner-only permissions, or PostgreSQL will not start.
                if (Files.isDirectory(path)) {
                    Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                } else if (!path.getFileName().toString().equals("postmaster.pid")) {
                    Files.copy(path, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        return to;
    }

    /**
     * A platform on {@code dataDir} (no job executor) holding a generated directory: {@code targets} targets, vacuumed
     * as a directory in use has long been, and {@code inspectors} inspectors with {@code recusals} recusals.
     */
    static ConfigurableApplicationContext withDirectory(Path dataDir, String engineName, int targets, int inspectors, int recusals) {
        ConfigurableApplicationContext app = SecondPlatform.start(dataDir, engineName, PlatformNode.settings(List.of(
                "--camunda.bpm.job-execution.enabled=false")));
        JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
        GeneratedDirectory.fillTargets(jdbc, targets);
        jdbc.execute("vacuum analyze spotcheck.target");
        GeneratedDirectory.addInspectors(jdbc, inspectors, recusals);
        return app;
    }

    static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
