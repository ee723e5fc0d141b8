package cn.spotcheck.draw.algorithm;

import static cn.spotcheck.draw.algorithm.TestData.ids;
import static cn.spotcheck.draw.algorithm.TestData.inspectors;
import static cn.spotcheck.draw.algorithm.TestData.seed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InspectorReplacementTest {

    private static final String TRANSPORT = "运输管理科";
    private static final String PORTS = "港航管理科";

    private final List<Inspector> pool = inspectors(TRANSPORT, 1, 12);
    private final Set<Recusal> recusals = Set.of(new Recusal(3, 105), new Recusal(4, 105));
    private final InspectorDrawRequest request = new InspectorDrawRequest(seed(21), ids(100, 20), 2, pool, recusals,
            List.of());
    private final InspectorAssignment drawn = InspectorDraw.draw(request);

    @Test
    void onlyTheOneSlotChangesAndTheReasonIsRecorded() {
        long old = drawn.inspectorsOf(105).get(1);

        ReplacementOutcome outcome = InspectorReplacement.replace(request, drawn, 1, 105, old, "执法人员病假");

        Replacement replacement = outcome.replacement();
        assertThat(replacement.sequence()).isEqualTo(1);
        assertThat(replacement.targetId()).isEqualTo(105);
        assertThat(replacement.replacedInspectorId()).isEqualTo(old);
        assertThat(replacement.reason()).isEqualTo("执法人员病假");
        long replacedBy = replacement.newInspectorId();
        assertThat(replacedBy).isNotEqualTo(old).isNotIn(3L, 4L).isNotIn(drawn.inspectorsOf(105));
        assertThat(outcome.assignment().inspectorsOf(105))
                .containsExactly(drawn.inspectorsOf(105).get(0), replacedBy);
        for (int i = 0; i < drawn.targets().size(); i++) {
            if (drawn.targets().get(i).targetId() != 105) {
                assertThat(outcome.assignment().targets().get(i)).isEqualTo(drawn.targets().get(i));
            }
        }
        assertThat(replacement.canonicalLine()).isEqualTo("replacement|1|105|" + old + "|" + replacedBy + "|执法人员病假");
    }

    @Test
    void theReplacementIsTheLeastLoadedEligibleInspector() {
        // 20 targets × 2 over 12 inspectors: loads are 3 or 4; the new one must have the smallest load available
        Map<Long, Integer> loads = drawn.loads();
        long old = drawn.inspectorsOf(100).get(0);

        long replacedBy = InspectorReplacement.replace(request, drawn, 1, 100, old, "回避").replacement().newInspectorId();

        int lowest = pool.stream().map(Inspector::id)
                .filter(id -> id != old && !drawn.inspectorsOf(100).contains(id))
                .mapToInt(id -> loads.getOrDefault(id, 0)).min().orElseThrow();
        assertThat(loads.get(replacedBy)).isEqualTo(lowest);
    }

    @Test
    void theSequenceNumberMakesReplacementsDeterministicButNotAlwaysTheSame() {
        long old = drawn.inspectorsOf(110).get(0);
        Set<Long> chosen = new HashSet<>();
        for (int sequence = 1; sequence <= 20; sequence++) {
            ReplacementOutcome once = InspectorReplacement.replace(request, drawn, sequence, 110, old, "请假");
            assertThat(InspectorReplacement.replace(request, drawn, sequence, 110, old, "请假")).isEqualTo(once);
            chosen.add(once.replacement().newInspectorId());
        }
        assertThat(chosen).hasSizeGreaterThan(1);
    }

    @Test
    void aJointChecksOnlyInspectorOfADepartmentIsReplacedFromThatDepartment() {
        List<Inspector> joint = new ArrayList<>(inspectors(TRANSPORT, 1, 10));
        joint.addAll(inspectors(PORTS, 50, 4));
        InspectorDrawRequest jointRequest = new InspectorDrawRequest(seed(22), ids(100, 8), 2, joint, Set.of(),
                List.of(PORTS));
        InspectorAssignment assignment = InspectorDraw.draw(jointRequest);
        long portInspector = assignment.inspectorsOf(103).get(0);
        assertThat(portInspector).isBetween(50L, 53L);

        long replacedBy = InspectorReplacement.replace(jointRequest, assignment, 1, 103, portInspector, "回避")
                .replacement().newInspectorId();

        assertThat(replacedBy).isBetween(50L, 53L).isNotEqualTo(portInspector);
    }

    @Test
    void withNobodyLeftTheReplacementFailsAndNamesTheTarget() {
        List<Inspector> two = inspectors(TRANSPORT, 1, 2);
        InspectorDrawRequest small = new InspectorDrawRequest(seed(23), List.of(7L), 2, two, Set.of(), List.of());
        InspectorAssignment assignment = InspectorDraw.draw(small);

        assertThatThrownBy(() -> InspectorReplacement.replace(small, assignment, 1, 7, 1, "请假"))
                .isInstanceOf(DrawImpossibleException.class)
                .hasMessage("无法更换执法人员，原分配保持不变。检查对象 7：更换执法人员 1 时，没有其他可抽取（未回避、未在该对象上）的执法人员。");
    }

    @Test
    void badReplacementOrdersAreRefused() {
        long onTarget = drawn.inspectorsOf(100).get(0);
        long notOnTarget = pool.stream().map(Inspector::id).filter(id -> !drawn.inspectorsOf(100).contains(id))
                .findFirst().orElseThrow();

        assertThatThrownBy(() -> InspectorReplacement.replace(request, drawn, 1, 100, onTarget, " "))
                .hasMessage("更换执法人员必须填写原因");
        assertThatThrownBy(() -> InspectorReplacement.replace(request, drawn, 1, 100, onTarget, "一\n二"))
                .hasMessage("更换原因不能包含换行");
        assertThatThrownBy(() -> InspectorReplacement.replace(request, drawn, 0, 100, onTarget, "请假"))
                .hasMessageContaining("更换序号须从 1 开始");
        assertThatThrownBy(() -> InspectorReplacement.replace(request, drawn, 1, 999, onTarget, "请假"))
                .hasMessage("检查对象 999 不在本次抽取结果中，无法更换执法人员");
        assertThatThrownBy(() -> InspectorReplacement.replace(request, drawn, 1, 100, notOnTarget, "请假"))
                .hasMessage("执法人员 " + notOnTarget + " 不是检查对象 100 的检查人员，无法更换");
    }
}
