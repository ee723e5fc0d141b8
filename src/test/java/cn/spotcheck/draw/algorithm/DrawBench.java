package cn.spotcheck.draw.algorithm;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Benchmark of a city-sized draw: 1,000,000 candidates over credit levels A/B/C/D, task ratio 3 % for B and the
 * default multipliers A ×0.5, C ×2, D ×4 (capped at 1), 10 % of the candidates recently inspected (weight 1);
 * then 2 inspectors per drawn target from 5,000 inspectors in 5 departments with 10,000 recusals.
 *
 * <pre>
 * MAVEN_OPTS=-Xmx512m ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.spotcheck.draw.algorithm.DrawBench \
 *     -Dexec.classpathScope=test
 * # or, without Maven in the measured JVM (the package needs nothing but the JDK):
 * ./mvnw -B -q test-compile &amp;&amp; java -Xmx512m -cp target/classes:target/test-classes cn.spotcheck.draw.algorithm.DrawBench
 * </pre>
 * Two scenarios: the level mix 40/45/10/5 % (≈31,500 targets drawn) and 10/60/20/10 % (43,500, a harder case).
 * Each runs a few times with different seeds; the first runs include JIT warm-up. Each run also draws the same request
 * with version 1's keyed sort, side by side: the algorithm the current one replaced.
 */
public final class DrawBench {

    private static final int CANDIDATES = 1_000_000;
    private static final int INSPECTORS = 5_000;
    private static final int RECUSALS = 10_000;
    private static final int RUNS = 5;
    private static final BigDecimal TASK_RATIO = new BigDecimal("0.03");

    private DrawBench() {
    }

    public static void main(String[] args) {
        Runtime runtime = Runtime.getRuntime();
        System.out.printf("Java %s, %d processors, max heap %d MB%n", System.getProperty("java.version"),
                runtime.availableProcessors(), runtime.maxMemory() >> 20);
        scenario("A/B/C/D = 40/45/10/5 %", new int[] {40, 45, 10, 5});
        scenario("A/B/C/D = 10/60/20/10 %", new int[] {10, 60, 20, 10});
    }

    private static void scenario(String name, int[] percent) {
        Runtime runtime = Runtime.getRuntime();
        List<Candidate> list = candidates(percent);
        Map<String, BigDecimal> ratios = ratios();
        List<Inspector> inspectors = new ArrayList<>();
        String[] departments = {"运输管理科", "综合执法支队", "公路管理科", "港航管理科", "安全监督科"};
        for (int i = 1; i <= INSPECTORS; i++) {
            inspectors.add(new Inspector(i, departments[i % departments.length]));
        }
        System.out.printf("%n%s: %,d candidates, ratios %s%n", name, list.size(), ratios);

        for (int run = 1; run <= RUNS; run++) {
            DrawSeed seed = TestData.seed(70_000 + run);
            CandidateList candidates = CandidateList.of(list); // as the platform builds it from the database's arrays
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long t0 = System.nanoTime();
            TargetDrawRequest targetRequest = new TargetDrawRequest(seed, candidates, ratios);
            TargetDrawResult targets = TargetDraw.draw(targetRequest);
            long t1 = System.nanoTime();
            byte[] file = candidates.canonicalBytes();
            long t1File = System.nanoTime();
            TargetDraw.draw(targetRequest, DrawAlgorithm.KEYED_SORT);
            long t1Version1 = System.nanoTime();

            List<Long> drawn = targets.drawnIds();
            Set<Recusal> recusals = recusals(drawn, run);
            InspectorDrawRequest request = new InspectorDrawRequest(seed, drawn, 2, inspectors, recusals, List.of());
            long t2 = System.nanoTime();
            InspectorAssignment assignment = InspectorDraw.draw(request);
            long t3 = System.nanoTime();
            String digest = DrawRecordContent.ofDraw(DrawAlgorithm.CURRENT, seed, targets, request, assignment, DrawRecordContent.GENESIS)
                    .digest();
            long t4 = System.nanoTime();

            long peakMb = peakHeapMb();
            System.gc();
            long usedMb = (runtime.totalMemory() - runtime.freeMemory()) >> 20;
            int maxLoad = assignment.loads().values().stream().mapToInt(Integer::intValue).max().orElse(0);
            // The first draw of a list writes its candidate file for the digest, so the target draw's time includes it.
            System.out.printf("run %d: %,d targets drawn in %4d ms (version 1's keyed sort: %4d ms; candidate file %,d bytes); "
                            + "2 inspectors each in %4d ms (total %4d ms); record digest %3d ms; max load %d; "
                            + "heap used after GC %d MB, peak %d MB; digest %s…%n",
                    run, drawn.size(), ms(t1 - t0), ms(t1Version1 - t1File), file.length, ms(t3 - t2),
                    ms(t1 - t0 + t3 - t2), ms(t4 - t3), maxLoad, usedMb, peakMb, digest.substring(0, 12));
        }
    }

    /** Ids 1..N in id order (as a database returns them), levels by the given mix, 10 % with weight 1. */
    private static List<Candidate> candidates(int[] percent) {
        String[] levels = {"A", "B", "C", "D"};
        SplittableRandom random = new SplittableRandom(1);
        List<Candidate> candidates = new ArrayList<>(CANDIDATES);
        for (int id = 1; id <= CANDIDATES; id++) {
            int roll = random.nextInt(100);
            int level = 0;
            for (int cumulative = percent[0]; roll >= cumulative; cumulative += percent[++level]) {
                // walk to the level whose cumulative share covers the roll
            }
            int weight = random.nextInt(10) == 0 ? Candidate.REDUCED_WEIGHT : Candidate.NORMAL_WEIGHT;
            candidates.add(new Candidate(id, levels[level], weight));
        }
        return candidates;
    }

    /** The default configuration: B at the task ratio, A ×0.5, C ×2, D ×4, capped at 1. */
    private static Map<String, BigDecimal> ratios() {
        Map<String, BigDecimal> ratios = new LinkedHashMap<>();
        ratios.put("A", TASK_RATIO.multiply(new BigDecimal("0.5")).min(BigDecimal.ONE));
        ratios.put("B", TASK_RATIO);
        ratios.put("C", TASK_RATIO.multiply(new BigDecimal("2")).min(BigDecimal.ONE));
        ratios.put("D", TASK_RATIO.multiply(new BigDecimal("4")).min(BigDecimal.ONE));
        return ratios;
    }

    private static Set<Recusal> recusals(List<Long> drawn, int run) {
        SplittableRandom random = new SplittableRandom(run);
        Set<Recusal> recusals = new HashSet<>();
        while (recusals.size() < RECUSALS) {
            recusals.add(new Recusal(1 + random.nextInt(INSPECTORS), drawn.get(random.nextInt(drawn.size()))));
        }
        return recusals;
    }

    /** Sum of the heap pools' peaks since the last reset: an upper bound of the heap the run needed. */
    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(pool -> pool.getType() == MemoryType.HEAP)
                .mapToLong(pool -> pool.getPeakUsage().getUsed()).sum() >> 20;
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
