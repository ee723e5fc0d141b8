package cn.spotcheck.draw;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.spotcheck.draw.algorithm.DrawImpossibleException;
import cn.spotcheck.draw.algorithm.DrawRecordContent;
import cn.spotcheck.draw.algorithm.InspectorAssignment;
import cn.spotcheck.draw.algorithm.InspectorDraw;
import cn.spotcheck.draw.algorithm.InspectorDrawRequest;
import cn.spotcheck.draw.algorithm.InvalidDrawInputException;
import cn.spotcheck.draw.algorithm.TargetDrawResult;
import cn.spotcheck.system.ApiException;

/** 抽取执法检查人员, the second step of a task's draw; then the record is sealed into the chain. */
@Service
public class InspectorDraws {

    private final DrawStore store;
    private final InspectorDrawInputs inputs;

    InspectorDraws(DrawStore store, InspectorDrawInputs inputs) {
        this.store = store;
        this.inputs = inputs;
    }

    @Transactional
    public void draw(long taskId) {
        DrawStore.Stored record = store.requireByTask(taskId);
        if (record.status() != DrawStatus.TARGETS_DRAWN) {
            return;
        }
        TargetDrawResult targets = new TargetDrawResult(record.candidateDigest(), record.candidateCount(), store.strata(record.id()));
        InspectorDrawRequest request = inputs.of(record, targets.drawnIds());
        InspectorAssignment assignment;
        try {
            assignment = InspectorDraw.draw(request);
        } catch (DrawImpossibleException | InvalidDrawInputException e) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "无法抽取执法检查人员：" + e.getMessage(), List.of());
        }
        DrawStore.ChainLink link = store.nextLink();
        String digest = DrawRecordContent.ofDraw(record.drawAlgorithm(), record.seed(), targets, request, assignment, link.previousDigest()).digest();
        store.completeInspectors(record.id(), request, assignment, link, digest);
    }
}
