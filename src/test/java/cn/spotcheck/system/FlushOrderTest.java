package cn.spotcheck.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.DbEntity;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbEntityOperation;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationManager;
import org.camunda.bpm.engine.impl.db.entitymanager.operation.DbOperationType;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * The engine's rows are written parents first and deleted children first, as the engine's own order does, and an
 * order with no reference between a table's rows is the engine's order unchanged.
 */
@SpotCheckIntegrationTest
class FlushOrderTest {

    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Autowired
    RuntimeService runtimeService;

    @Test
    void theEngineFlushesWithThisOrderAndStartsAndEndsProcessesWithIt() {
        Object manager = engine.getCommandExecutorTxRequired().execute(context -> context.getDbEntityManager().getDbOperationManager());
        assertThat(manager).isInstanceOf(FlushOrder.Operations.class);
        // A process with a nested scope: its executions reference one another, inserted and deleted in one flush each.
        var model = org.camunda.bpm.model.bpmn.Bpmn.createExecutableProcess("flush-order-nested").camundaHistoryTimeToLive(1)
                .startEvent().subProcess().embeddedSubProcess().startEvent().parallelGateway("fork")
                .userTask("a").endEvent().moveToNode("fork").userTask("b").endEvent()
                .subProcessDone().endEvent().done();
        engine.getRepositoryService().createDeployment().addModelInstance("flush-order-nested.bpmn", model).deploy();
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("flush-order-nested");
        assertThat(runtimeService.createExecutionQuery().processInstanceId(instance.getId()).count()).isGreaterThanOrEqualTo(3);
        runtimeService.deleteProcessInstance(instance.getId(), "测试结束");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aRowsIdIsCheckedWithoutWritingTheRowOutUnlessItIsMissing() {
        FlushOrder.EntityManager manager = new FlushOrder.EntityManager(null, null);
        DbEntity valid = new Untold("variable-1");
        manager.validateId(valid);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> manager.validateId(new Row(null)))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("id");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> manager.validateId(new Row("*")))
                .isInstanceOf(org.camunda.bpm.engine.ProcessEngineException.class).hasMessageContaining("reserved");
    }

    /** A row that refuses to be written out as text. */
    private record Untold(String id) implements DbEntity {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getPersistentState() {
            return id;
        }

        @Override
        public String toString() {
            throw new AssertionError("为校验 id 而把整行写成文字");
        }
    }

    @Test
    void rowsReferencingNoOtherRowOfTheirTableKeepTheEnginesOrder() {
        List<DbEntityOperation> variables = new ArrayList<>();
        for (int i = 0; i < 6_000; i++) {
            // A variable references its execution and task: rows of other tables.
            variables.add(operation(DbOperationType.INSERT, "var-" + i, Set.of("execution-" + i / 12, "task-" + i / 12)));
        }
        assertThat(FlushOrder.order(variables)).containsExactlyElementsOf(variables);
    }

    @Test
    void insertsComeAfterWhatTheyReferenceAndDeletesBeforeAsInTheEnginesOwnOrder() {
        Random random = new Random(11);
        for (int round = 0; round < 50; round++) {
            for (DbOperationType type : List.of(DbOperationType.INSERT, DbOperationType.DELETE)) {
                List<DbEntityOperation> operations = tree(type, 2 + random.nextInt(300), random);
                List<DbEntityOperation> ours = FlushOrder.order(operations);
                assertThat(ours).containsExactlyInAnyOrderElementsOf(operations);
                assertRespectsReferences(ours, type);
                // The engine's own sort satisfies the same rule on the same rows: the rule is the engine's.
                assertRespectsReferences(new EngineOrder().sort(operations), type);
            }
        }
    }

    /** Executions of a process tree (parents and super executions), in a shuffled order. */
    private static List<DbEntityOperation> tree(DbOperationType type, int size, Random random) {
        List<DbEntityOperation> operations = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Set<String> references = new java.util.HashSet<>();
            if (i > 0) {
                references.add("execution-" + random.nextInt(i));
            }
            if (i > 1 && random.nextInt(4) == 0) {
                references.add("execution-" + random.nextInt(i));
            }
            references.add("process-definition-1");
            operations.add(operation(type, "execution-" + i, references));
        }
        Collections.shuffle(operations, random);
        return operations;
    }

    private static void assertRespectsReferences(List<DbEntityOperation> ordered, DbOperationType type) {
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).getEntity().getId(), i);
        }
        for (int i = 0; i < ordered.size(); i++) {
            for (String id : ordered.get(i).getFlushRelevantEntityReferences()) {
                Integer referenced = position.get(id);
                if (referenced == null) {
                    continue;
                }
                if (type == DbOperationType.INSERT) {
                    assertThat(i).as("%s 在它引用的 %s 之后写入", ordered.get(i).getEntity().getId(), id).isGreaterThan(referenced);
                } else {
                    assertThat(i).as("%s 在引用它的行之前删除", id).isLessThan(referenced);
                }
            }
        }
    }

    static DbEntityOperation operation(DbOperationType type, String id, Set<String> references) {
        DbEntityOperation operation = new DbEntityOperation();
        operation.setOperationType(type);
        operation.setEntity(new Row(id));
        operation.setEntityType(Row.class);
        operation.setFlushRelevantEntityReferences(references);
        return operation;
    }

    /** The engine's own sort by references, for comparison. */
    static final class EngineOrder extends DbOperationManager {
        List<DbEntityOperation> sort(List<DbEntityOperation> operations) {
            return sortByReferences(sorted(operations));
        }

        List<DbEntityOperation> sort(SortedSet<DbEntityOperation> operations) {
            return sortByReferences(operations);
        }
    }

    /** The operations as the engine holds them: a sorted set, here in the list's order. */
    static SortedSet<DbEntityOperation> sorted(List<DbEntityOperation> operations) {
        Map<DbEntityOperation, Integer> index = new java.util.IdentityHashMap<>();
        operations.forEach(o -> index.put(o, index.size()));
        SortedSet<DbEntityOperation> sorted = new TreeSet<>(java.util.Comparator.comparingInt(index::get));
        sorted.addAll(operations);
        return sorted;
    }

    /** A row of some table, by id. */
    private record Row(String id) implements DbEntity {
        @Override
        public String getId() {
            return id;
        }

        @Override
        public void setId(String id) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getPersistentState() {
            return id;
        }
    }
}
