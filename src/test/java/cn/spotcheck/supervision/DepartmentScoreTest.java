package cn.spotcheck.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.spotcheck.inspection.InspectionFigures;

/** A department's score is the sum of its parts, each the share achieved of its weight; nothing to measure counts as met. */
class DepartmentScoreTest {

    private static final AssessmentWeights WEIGHTS = new AssessmentWeights(null, null, null, null, null);

    @Test
    void eachPartEarnsItsShareOfItsWeight() {
        DepartmentFigures figures = DepartmentFigures.of("公路管理科", 2, 1000, new InspectionFigures.Counts(50, 40, 30, 27, 6, 3, 2, 1));
        DepartmentScore score = DepartmentScore.of(figures, new DepartmentScore.Counts(1, 0, 2, 1), WEIGHTS);

        assertThat(score.parts()).extracting(DepartmentScore.Part::measured).containsExactly("0 / 1", "40 / 50", "27 / 30", "3 / 6", "1 / 2");
        assertThat(score.parts()).extracting(DepartmentScore.Part::points).containsExactly(0.0, 24.0, 27.0, 7.5, 7.5);
        assertThat(score.score()).isEqualTo(66.0);
        assertThat(score.outOf()).isEqualTo(100);
    }

    @Test
    void aYearWithNothingToMeasureIsFullyMet() {
        DepartmentScore score = DepartmentScore.of(DepartmentFigures.of("港航管理科", 0, 0, InspectionFigures.Counts.NONE),
                new DepartmentScore.Counts(0, 0, 0, 0), WEIGHTS);
        assertThat(score.parts()).extracting(DepartmentScore.Part::measured).containsOnly("无");
        assertThat(score.score()).isEqualTo(100.0);
    }
}
