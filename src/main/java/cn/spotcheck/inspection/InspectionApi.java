package cn.spotcheck.inspection;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The inspections of a task, one inspection by its code, and the corrections of its published result. */
@RestController
@RequestMapping("/api/inspections")
class InspectionApi {

    private final Inspections inspections;
    private final ResultCorrections corrections;
    private final ResultCorrectionProcess correctionProcess;

    InspectionApi(Inspections inspections, ResultCorrections corrections, ResultCorrectionProcess correctionProcess) {
        this.inspections = inspections;
        this.corrections = corrections;
        this.correctionProcess = correctionProcess;
    }

    /** What a request to correct a published result asks: the category, the findings (unchanged when empty), why. */
    record CorrectionInput(String resultCategory, String findings, String reason) {
    }

    @GetMapping
    List<InspectionView> ofTask(@RequestParam("taskId") long taskId) {
        return inspections.ofTask(taskId);
    }

    @GetMapping("/{code}")
    InspectionView get(@PathVariable("code") String code) {
        return inspections.get(code);
    }

    /** 更正: asks for a published result to be corrected; a legal reviewer other than the requester decides. */
    @PostMapping("/{code}/corrections")
    @ResponseStatus(HttpStatus.CREATED)
    ResultCorrections.Correction requestCorrection(@PathVariable("code") String code, @RequestBody CorrectionInput input) {
        return correctionProcess.request(code, input.resultCategory(), input.findings(), input.reason());
    }

    @GetMapping("/{code}/corrections")
    List<ResultCorrections.Correction> corrections(@PathVariable("code") String code) {
        inspections.get(code);
        return corrections.of(code);
    }
}
