package cn.spotcheck.system;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;

import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;

/**
 * The flush of one fan-out slice ordered by references: the engine's own sort against {@link FlushOrder}, on the rows
 * a slice of inspections inserts (per inspection: its execution, its task, 12 variables, 2 identity links and 2
 * authorizations, the variables, links and authorizations referencing rows of other tables only).
 * <pre>
 * ./mvnw -B -q test-compile exec:java -Dexec.mainClass=cn.spotcheck.system.FlushOrderBench -Dexec.classpathScope=test
 * </pre>
 */
public final class FlushOrderBench {

    private FlushOrderBench() {
    }

    public static void main(String[] args) {
        System.out.printf("机器：%d 核，Java %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));
        for (int slice : new int[] {100, 500, 2_000}) {
            List<SortedSet<DbEntityOperation>> tables = slice(slice).stream().map(FlushOrderTest::sorted).toList();
            FlushOrderTest.EngineOrder engineOrder = new FlushOrderTest.EngineOrder();
            long engine = median(() -> tables.forEach(engineOrder::sort));
            long ours = median(() -> tables.forEach(FlushOrder::order));
            System.out.printf("一次提交 %,d 项检查（%,d 行插入）：引擎自带的排序 %.1f ms，FlushOrder %.2f ms，每项检查 %.3f ms 对 %.4f ms%n",
                    slice, tables.stream().mapToInt(SortedSet::size).sum(), engine / 1e6, ours / 1e6,
                    engine / 1e6 / slice, ours / 1e6 / slice);
        }
    }

    /** The inserts of one slice, table by table, in the order the engine's sorted sets give them. */
    private static List<List<DbEntityOperation>> slice(int inspections) {
        List<DbEntityOperation> executions = new ArrayList<>();
        List<DbEntityOperation> tasks = new ArrayList<>();
        List<DbEntityOperation> variables = new ArrayList<>();
        List<DbEntityOperation> links = new ArrayList<>();
        List<DbEntityOperation> authorizations = new ArrayList<>();
        for (int i = 0; i < inspections; i++) {
            String execution = "execution-" + i;
            String task = "task-" + i;
            executions.add(FlushOrderTest.operation(DbOperationType.INSERT, execution, Set.of("definition")));
            tasks.add(FlushOrderTest.operation(DbOperationType.INSERT, task, Set.of(execution, "definition")));
            for (int v = 0; v < 12; v++) {
                variables.add(FlushOrderTest.operation(DbOperationType.INSERT, "variable-" + i + "-" + v,
                        v == 11 ? Set.of(execution, task) : Set.of(execution)));
            }
            for (int l = 0; l < 2; l++) {
                links.add(FlushOrderTest.operation(DbOperationType.INSERT, "link-" + i + "-" + l, Set.of(task)));
                authorizations.add(FlushOrderTest.operation(DbOperationType.INSERT, "authorization-" + i + "-" + l, Set.of(task)));
            }
        }
        return List.of(executions, tasks, variables, links, authorizations);
    }

    /** The median of 7 runs after 3 to warm up, in nanoseconds. */
    private static long median(Runnable run) {
        for (int i = 0; i < 3; i++) {
            run.run();
        }
        long[] times = new long[7];
        for (int i = 0; i < times.length; i++) {
            long t0 = System.nanoTime();
            run.run();
            times[i] = System.nanoTime() - t0;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }
}
