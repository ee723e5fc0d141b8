package cn.spotcheck.followup;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import cn.spotcheck.calendar.BureauTime;
import cn.spotcheck.inspection.InspectionView;
import cn.spotcheck.inspection.RecordSection;

/** 后续处置 on an inspection's record: what follows the finding, who handles it, by when, and how it closed. */
@Component
class FollowUpSection implements RecordSection {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BureauTime.ZONE);

    private final FollowUps followUps;

    FollowUpSection(FollowUps followUps) {
        this.followUps = followUps;
    }

    @Override
    public Optional<Section> of(InspectionView inspection) {
        FollowUps.FollowUpView followUp = followUps.of(inspection.code());
        if (followUp == null) {
            return Optional.empty();
        }
        List<Fact> facts = new ArrayList<>();
        facts.add(new Fact("处置方式", FollowUpKind.of(followUp.kind()).displayName()));
        facts.add(new Fact("状态", "CLOSED".equals(followUp.status()) ? "已办结" : "办理中"));
        if (followUp.department() != null) {
            facts.add(new Fact("接收单位", followUp.department()));
        }
        if (followUp.deadline() != null) {
            facts.add(new Fact("整改期限", followUp.deadline().toString()));
        }
        facts.add(new Fact("开始", TIME.format(followUp.openedAt())));
        if (followUp.closedAt() != null) {
            facts.add(new Fact("办结", TIME.format(followUp.closedAt()) + (followUp.closure() == null ? "" : "：" + followUp.closure())));
        }
        return Optional.of(new Section("后续处置", facts));
    }
}
