package cn.spotcheck.draw.algorithm;

import static cn.spotcheck.draw.algorithm.TestData.ids;
import static cn.spotcheck.draw.algorithm.TestData.inspectors;
import static cn.spotcheck.draw.algorithm.TestData.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class InspectorDrawTest {

    private static final String TRANSPORT = "运输管理科";
    private static final String ENFORCEMENT = "综合执法支队";
    private static final String PORTS = "港航管理科";

    @Test
    void everyTargetGetsExactlyItsNumberOfDistinctNonRecusedInspectors() {
        List<Inspector> pool = inspectors(TRANSPORT, 1, 30);
        List<Long> targets = ids(1000, 200);
        Set<Recusal> recusals = randomRecusals(pool, targets, 300, 11);
        InspectorDrawRequest request = new InspectorDrawRequest(seed(1), targets, 3, pool, recusals, List.of());

        InspectorAssignment assignment = InspectorDraw.draw(request);

        assertThat(assignment.targets()).extracting(TargetInspectors::targetId).containsExactlyElementsOf(targets);
        for (TargetInspectors target : assignment.targets()) {
            assertThat(target.inspectorIds()).hasSize(3).doesNotHaveDuplicates()
                    .allMatch(id -> id >= 1 && id <= 30)
                    .noneMatch(id -> recusals.contains(new Recusal(id, target.targetId())));
        }
        assertThat(InspectorDraw.draw(request)).isEqualTo(assignment);
        assertThat(InspectorDraw.draw(new InspectorDrawRequest(seed(2), targets, 3, pool, recusals, List.of())))
                .isNotEqualTo(assignment);
    }

    @Test
    void theLoadIsSpreadEvenly() {
        List<Inspector> pool = inspectors(ENFORCEMENT, 1, 97);
        List<Long> targets = ids(1, 1000);
        Set<Recusal> recusals = randomRecusals(pool, targets, 400, 12);

        InspectorAssignment assignment = InspectorDraw.draw(
                new InspectorDrawRequest(seed(3), targets, 3, pool, recusals, List.of()));

        int bound = (1000 * 3 + 97 - 1) / 97 + 1; // ⌈targets × perTarget / inspectors⌉ + 1 = 32
        assertThat(assignment.loads()).hasSize(97);
        assertThat(assignment.loads().values()).allMatch(load -> load <= bound).allMatch(load -> load >= 30 - 1);
        // without recusals the spread is perfect: nobody is more than one target ahead of anybody else
        InspectorAssignment clean = InspectorDraw.draw(
                new InspectorDrawRequest(seed(3), targets, 3, pool, Set.of(), List.of()));
        assertThat(clean.loads().values()).allMatch(load -> load == 30 || load == 31);
    }

    @Test
    void aJointCheckGetsOneInspectorOfEachRequiredDepartmentFirst() {
        List<Inspector> pool = new ArrayList<>(inspectors(TRANSPORT, 1, 10));
        pool.addAll(inspectors(ENFORCEMENT, 100, 10));
        pool.addAll(inspectors(PORTS, 200, 3));
        Map<Long, String> department = new HashMap<>();
        pool.forEach(i -> department.put(i.id(), i.department()));
        List<Long> targets = ids(5000, 60);
        Set<Recusal> recusals = randomRecusals(pool, targets, 40, 13);

        InspectorAssignment assignment = InspectorDraw.draw(new InspectorDrawRequest(seed(4), targets, 3, pool,
                recusals, List.of(TRANSPORT, PORTS)));

        for (TargetInspectors target : assignment.targets()) {
            List<String> departments = target.inspectorIds().stream().map(department::get).toList();
            // canonical order of the required departments: 港 (U+6E2F) before 运 (U+8FD0)
            assertThat(departments.subList(0, 2)).containsExactly(PORTS, TRANSPORT);
            assertThat(target.inspectorIds()).hasSize(3).doesNotHaveDuplicates()
                    .noneMatch(id -> recusals.contains(new Recusal(id, target.targetId())));
        }
        // the three port inspectors share the port slots evenly (60 targets → 20 each, ± recusals)
        Map<Long, Integer> loads = assignment.loads();
        assertThat(List.of(loads.get(200L), loads.get(201L), loads.get(202L))).allMatch(l -> l >= 18 && l <= 22);
    }

    @Test
    void fewerThanTwoInspectorsPerTargetIsRefused() {
        assertThatThrownBy(() -> new InspectorDrawRequest(seed(1), ids(1, 3), 1, inspectors(TRANSPORT, 1, 5),
                Set.of(), List.of()))
                .isInstanceOf(InvalidDrawInputException.class)
                .hasMessage("每个检查对象至少须抽取 2 名执法人员（《中华人民共和国行政处罚法》第四十二条），当前设置为 1 名");
        assertThatThrownBy(() -> new InspectorDrawRequest(seed(1), ids(1, 3), 2, inspectors(TRANSPORT, 1, 5),
                Set.of(), List.of(TRANSPORT, PORTS, ENFORCEMENT)))
                .hasMessageContaining("联合检查要求 3 个部门各派至少 1 名执法人员");
        assertThatThrownBy(() -> new InspectorDrawRequest(seed(1), List.of(1L, 2L, 1L), 2,
                inspectors(TRANSPORT, 1, 5), Set.of(), List.of()))
                .hasMessageContaining("检查对象重复").hasMessageContaining("1");
        List<Inspector> twice = new ArrayList<>(inspectors(TRANSPORT, 1, 3));
        twice.add(new Inspector(2, PORTS));
        assertThatThrownBy(() -> new InspectorDrawRequest(seed(1), ids(1, 3), 2, twice, Set.of(), List.of()))
                .hasMessageContaining("执法人员重复").hasMessageContaining("2");
    }

    @Test
    void tooFewEligibleInspectorsFailsNamingTheTargets() {
        List<Inspector> pool = inspectors(TRANSPORT, 1, 3);
        Set<Recusal> recusals = Set.of(new Recusal(1, 12), new Recusal(2, 12), new Recusal(3, 14), new Recusal(2, 14));

        assertThatThrownBy(() -> InspectorDraw.draw(new InspectorDrawRequest(seed(1), ids(10, 6), 2, pool,
                recusals, List.of())))
                .isInstanceOf(DrawImpossibleException.class)
                .hasMessage("无法完成执法人员抽取，未分配任何人员。检查对象 12、14：可抽取（未回避）的执法人员只有 1 名，"
                        + "每个检查对象需要 2 名。")
                .satisfies(e -> assertThat(((DrawImpossibleException) e).shortfalls())
                        .extracting(Shortfall::targetId).containsExactly(12L, 14L));

        assertThatThrownBy(() -> InspectorDraw.draw(new InspectorDrawRequest(seed(1), ids(10, 2), 2, List.of(),
                Set.of(), List.of())))
                .hasMessageContaining("检查对象 10、11：可抽取（未回避）的执法人员只有 0 名");
    }

    @Test
    void aRequiredDepartmentWithoutEligibleInspectorsFailsNamingItAndTheTargets() {
        List<Inspector> pool = new ArrayList<>(inspectors(TRANSPORT, 1, 5));
        pool.addAll(inspectors(PORTS, 50, 2));

        assertThatThrownBy(() -> InspectorDraw.draw(new InspectorDrawRequest(seed(1), ids(10, 3), 2, pool,
                Set.of(), List.of(TRANSPORT, ENFORCEMENT))))
                .isInstanceOf(DrawImpossibleException.class)
                .hasMessageContaining("检查对象 10、11、12：联合检查要求的部门“综合执法支队”没有可抽取的执法人员");

        Set<Recusal> portsRecused = Set.of(new Recusal(50, 11), new Recusal(51, 11));
        assertThatThrownBy(() -> InspectorDraw.draw(new InspectorDrawRequest(seed(1), ids(10, 3), 2, pool,
                portsRecused, List.of(TRANSPORT, PORTS))))
                .hasMessage("无法完成执法人员抽取，未分配任何人员。检查对象 11：联合检查要求的部门“港航管理科”的执法人员均须回避。");
    }

    @Test
    void manyFailingTargetsAreCountedNotAllListed() {
        DrawImpossibleException e = org.junit.jupiter.api.Assertions.assertThrows(DrawImpossibleException.class,
                () -> InspectorDraw.draw(new InspectorDrawRequest(seed(1), ids(1, 500), 2,
                        inspectors(TRANSPORT, 1, 1), Set.of(), List.of())));

        assertThat(e.getMessage()).contains("检查对象 1、2、3").contains("、20 等共 500 个").doesNotContain("、21、");
        assertThat(e.shortfalls()).hasSize(500);
    }

    @Test
    void recusalsOfPeopleOrTargetsOutsideTheDrawChangeNothing() {
        List<Inspector> pool = inspectors(TRANSPORT, 1, 8);
        InspectorDrawRequest plain = new InspectorDrawRequest(seed(5), ids(1, 10), 2, pool, Set.of(), List.of());
        InspectorDrawRequest extra = new InspectorDrawRequest(seed(5), ids(1, 10), 2, pool,
                Set.of(new Recusal(99, 1), new Recusal(1, 999)), List.of());

        assertThat(InspectorDraw.draw(extra)).isEqualTo(InspectorDraw.draw(plain));
        assertThat(InspectorDraw.inputDigest(extra)).isNotEqualTo(InspectorDraw.inputDigest(plain));
    }

    @Test
    void noTargetsNoInspectors() {
        assertThat(InspectorDraw.draw(new InspectorDrawRequest(seed(1), List.of(), 2, List.of(), Set.of(),
                List.of())).targets()).isEmpty();
    }

    static Set<Recusal> randomRecusals(List<Inspector> pool, List<Long> targets, int count, long randomSeed) {
        SplittableRandom random = new SplittableRandom(randomSeed);
        Set<Recusal> recusals = new HashSet<>();
        while (recusals.size() < count) {
            recusals.add(new Recusal(pool.get(random.nextInt(pool.size())).id(),
                    targets.get(random.nextInt(targets.size()))));
        }
        return recusals;
    }
}
