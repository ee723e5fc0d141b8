package cn.spotcheck.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

import cn.spotcheck.SpotCheckIntegrationTest;

@SpotCheckIntegrationTest
class CalendarApiTest {

    @Autowired
    TestRestTemplate http;

    private TestRestTemplate staff() {
        return http.withBasicAuth("fagui", "demo");
    }

    @Test
    void describesHolidaysAndMakeUpDays() {
        assertThat(staff().getForObject("/api/calendar/days/2024-10-01", String.class))
                .isEqualTo("{\"date\":\"2024-10-01\",\"workingDay\":false,\"holiday\":\"国庆节\"}");
        assertThat(staff().getForObject("/api/calendar/days/2024-10-12", String.class))
                .isEqualTo("{\"date\":\"2024-10-12\",\"workingDay\":true,\"holiday\":\"国庆节\"}");
        assertThat(staff().getForObject("/api/calendar/days/2024-10-14", String.class))
                .isEqualTo("{\"date\":\"2024-10-14\",\"workingDay\":true,\"holiday\":null}");
    }

    @Test
    void addsWorkingDays() {
        assertThat(staff().getForObject("/api/calendar/working-days/add?from=2024-09-27&days=7", String.class))
                .isEqualTo("{\"from\":\"2024-09-27\",\"days\":7,\"date\":\"2024-10-12\"}");
    }

    @Test
    void aMissingYearIs422WithTheYearNamed() {
        var answer = staff().getForEntity("/api/calendar/days/2031-05-01", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody()).contains("2031").contains("\"message\"");
    }

    @Test
    void badInputIs400NamingTheField() {
        var badDate = staff().getForEntity("/api/calendar/days/2024-13-45", String.class);
        assertThat(badDate.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(badDate.getBody()).contains("\"field\":\"date\"").contains("YYYY-MM-DD").doesNotContain("Exception");

        var negative = staff().getForEntity("/api/calendar/working-days/add?from=2024-09-27&days=-1", String.class);
        assertThat(negative.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(negative.getBody()).contains("\"field\":\"days\"");

        var missing = staff().getForEntity("/api/calendar/working-days/add?days=3", String.class);
        assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(missing.getBody()).contains("\"field\":\"from\"");
    }
}
