package cn.spotcheck;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * One node of a cluster, in a JVM of its own: the platform with its job executor, on the database it is given,
 * under a node name of its own. Says {@code @@ READY} once started, then runs until it is stopped or killed.
 * <p>Arguments: data directory, node name, then any settings (the datasource URL among them). With {@code --web} it
 * serves pages and APIs too ({@code --server.port=…}); with {@code --demo} it starts with the demo profile (its users).
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    /** Starts a node in a JVM of its own, writing to {@code log}; answers once it has begun, not once it is ready. */
    public static NodeProcess launch(Path log, Path dataDir, String name, List<String> settings) throws java.io.IOException {
        List<String> args = new ArrayList<>(List.of(dataDir.toString(), name));
        args.addAll(settings);
        return NodeProcess.launch(log, ClusterNode.class, args.toArray(String[]::new));
    }

    /** Waits, looking every half second, until {@code condition} holds; fails after {@code seconds}. */
    public static void waitFor(java.util.function.BooleanSupplier condition, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("等待超过 " + seconds + " 秒");
            }
            Thread.sleep(500);
        }
    }

    public static void main(String[] args) throws Exception {
        List<String> settings = new ArrayList<>(Arrays.asList(args).subList(2, args.length));
        settings.add("--spotcheck.node-name=" + args[1]);
        boolean web = settings.remove("--web");
        String[] profiles = settings.remove("--demo") ? new String[] {"demo", "test"} : new String[] {"test"};
        ConfigurableApplicationContext app = web
                ? SecondPlatform.startWithWeb(profiles, Path.of(args[0]), PlatformNode.settings(settings))
                : SecondPlatform.start(Path.of(args[0]), "cluster", PlatformNode.settings(settings));
        System.out.println("@@ READY");
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        Thread.currentThread().join();
    }
}
