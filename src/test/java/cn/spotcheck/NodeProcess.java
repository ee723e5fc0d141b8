package cn.spotcheck;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A {@link PlatformNode} in a JVM of its own: its {@code @@} lines as they come, its log in a file, and kill -9. */
public final class NodeProcess {

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private NodeProcess(Process process, Path log) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                 PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardOpenOption.CREATE, StandardOpenOption.APPEND))) {
                for (String line; (line = in.readLine()) != null; ) {
                    if (line.startsWith("@@ ")) {
                        lines.add(line.substring(3));
                    } else {
                        out.println(line);
                    }
                }
            } catch (IOException e) {
                lines.add("EXIT " + e.getMessage());
            }
            lines.add("EXIT");
        }, "node-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts a node: data directory, task id, inspections expected, bare instances to start, then any settings. */
    public static NodeProcess launch(Path log, String... args) throws IOException {
        return launch(log, PlatformNode.class, args);
    }

    /** Starts {@code main} (a class with a main method on the test classpath) with {@code args}. */
    public static NodeProcess launch(Path log, Class<?> main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        // e.g. -Dnode.jvmArgs=-XX:StartFlightRecording=filename=/tmp/node.jfr,settings=profile to profile a benchmark's node
        String extra = System.getProperty("node.jvmArgs", "");
        if (!extra.isBlank()) {
            command.addAll(List.of(extra.trim().split(" +")));
        }
        command.addAll(List.of("-cp", classpath(), main.getName()));
        command.addAll(List.of(args));
        return new NodeProcess(new ProcessBuilder(command).redirectErrorStream(true).start(), log);
    }

    /** Waits for the next line starting with {@code prefix}; fails if the node exits or stays silent too long. */
    public String await(String prefix, int timeoutSeconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(1, TimeUnit.SECONDS);
            if (line == null) {
                continue;
            }
            if (line.startsWith(prefix)) {
                return line;
            }
            if (line.startsWith("EXIT")) {
                throw new IllegalStateException("节点进程已退出，未等到 " + prefix + "（见日志）");
            }
        }
        throw new IllegalStateException("等待 " + prefix + " 超时");
    }

    /** Waits until the node reports at least {@code n} inspections; returns what it reported. */
    public long awaitProgress(long n, int timeoutSeconds) throws InterruptedException {
        while (true) {
            long reported = Long.parseLong(await("PROGRESS", timeoutSeconds).substring("PROGRESS ".length()));
            if (reported >= n) {
                return reported;
            }
        }
    }

    /** A port nobody listens on now, for a node's web layer or its database. */
    public static int freePort() throws IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    public void killHard() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no orderly stop of the database
        process.waitFor();
    }

    public void awaitExit() throws InterruptedException {
        process.waitFor(5, TimeUnit.MINUTES);
    }

    /** The classpath this JVM was given, whether by exec:java's class loader or the command line. */
    private static String classpath() {
        List<String> entries = new ArrayList<>();
        for (ClassLoader c = Thread.currentThread().getContextClassLoader(); c != null; c = c.getParent()) {
            if (c instanceof URLClassLoader urls) {
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException e) {
                        throw new IllegalStateException(e);
                    }
                }
            }
        }
        return entries.isEmpty() ? System.getProperty("java.class.path") : String.join(java.io.File.pathSeparator, entries);
    }
}
