package cn.spotcheck.inspection;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The inspections of a task, and one inspection by its code. */
@RestController
@RequestMapping("/api/inspections")
class InspectionApi {

    private final Inspections inspections;

    InspectionApi(Inspections inspections) {
        this.inspections = inspections;
    }

    @GetMapping
    List<InspectionView> ofTask(@RequestParam("taskId") long taskId) {
        return inspections.ofTask(taskId);
    }

    @GetMapping("/{code}")
    InspectionView get(@PathVariable("code") String code) {
        return inspections.get(code);
    }
}
