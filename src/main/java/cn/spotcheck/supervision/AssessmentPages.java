package cn.spotcheck.supervision;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** 绩效考核: each department's score for a year, part by part, with the weights it was scored by. */
@Controller
@PreAuthorize("hasAnyAuthority('supervision', 'camunda-admin')")
class AssessmentPages {

    private final DepartmentAssessment assessment;
    private final SupervisionStatistics statistics;
    private final AssessmentWeights weights;

    AssessmentPages(DepartmentAssessment assessment, SupervisionStatistics statistics, AssessmentWeights weights) {
        this.assessment = assessment;
        this.statistics = statistics;
        this.weights = weights;
    }

    @GetMapping("/supervision/assessment")
    String page(@RequestParam(name = "year", required = false) String year, Model model) {
        int y = Years.parse(year);
        model.addAttribute("year", y);
        model.addAttribute("years", statistics.years());
        model.addAttribute("scores", assessment.of(y));
        model.addAttribute("weights", weights);
        model.addAttribute("history", assessment.history(y));
        return "supervision/assessment";
    }
}
