package cn.spotcheck.plan;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The REST edges of annual plans and their tasks. 政策法规处 (legal) and administrators draft and submit. */
@RestController
@RequestMapping("/api/plans")
class PlanApi {

    static final String AUTHORS = "hasAnyAuthority('legal', 'camunda-admin')";

    private final AnnualPlans plans;

    PlanApi(AnnualPlans plans) {
        this.plans = plans;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AUTHORS)
    PlanView create(@RequestBody PlanInput input) {
        return plans.create(input);
    }

    @GetMapping
    List<PlanView> all() {
        return plans.all();
    }

    @GetMapping("/{id}")
    PlanView get(@PathVariable("id") long id) {
        return plans.get(id);
    }

    /** Every published version, newest first: an adjusted plan keeps its earlier versions visible. */
    @GetMapping("/{id}/versions")
    List<PlanView> versions(@PathVariable("id") long id) {
        return plans.publishedVersions(id);
    }

    @PostMapping("/{id}/tasks")
    @ResponseStatus(HttpStatus.CREATED)
    @PreAuthorize(AUTHORS)
    TaskView addTask(@PathVariable("id") long id, @RequestBody TaskInput input) {
        return plans.addTask(id, input);
    }

    @PostMapping("/{id}/submit")
    @PreAuthorize(AUTHORS)
    PlanView submit(@PathVariable("id") long id) {
        return plans.submit(id);
    }

    @PostMapping("/{id}/adjust")
    @PreAuthorize(AUTHORS)
    PlanView adjust(@PathVariable("id") long id) {
        return plans.adjust(id);
    }
}
