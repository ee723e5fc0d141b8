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
                .isEqualTo("{\"date\":\"2024-10-01\",\"workingDay\":false,\"holiday\":\"国庆节\",\"provisional\":false}");
        assertThat(staff().getForObject("/api/calendar/days/2024-10-12", String.class))
                .isEqualTo("{\"date\":\"2024-10-12\",\"workingDay\":true,\"holiday\":\"国庆节\",\"provisional\":false}");
        assertThat(staff().getForObject("/api/calendar/days/2024-10-14", String.class))
                .isEqualTo("{\"date\":\"2024-10-14\",\"workingDay\":true,\"holiday\":null,\"provisional\":false}");
    }

    @Test
    void addsWorkingDays() {
        assertThat(staff().getForObject("/api/calendar/working-days/add?from=2024-09-27&days=7", String.class))
                .isEqualTo("{\"from\":\"2024-09-27\",\"days\":7,\"date\":\"2024-10-12\"}");
    }

    @Test
    void aYearWithoutItsNoticeAnswersProvisionally() {
        assertThat(staff().getForObject("/api/calendar/days/2031-05-02", String.class))
                .isEqualTo("{\"date\":\"2031-05-02\",\"workingDay\":false,\"holiday\":\"劳动节\",\"provisional\":true}");
        // 2027-02-04 (Thu) + 3 working days: 2-05 is 除夕, 2-06..2-08 春节 (Sat–Mon), so 2-09, 2-10, 2-11.
        assertThat(staff().getForObject("/api/calendar/working-days/add?from=2027-02-04&days=3", String.class))
                .isEqualTo("{\"from\":\"2027-02-04\",\"days\":3,\"date\":\"2027-02-11\"}");
    }

    @Test
    void aDateBeyondTheCalendarIs422WithTheYearNamed() {
        var answer = staff().getForEntity("/api/calendar/days/2301-05-01", String.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(answer.getBody()).contains("2301").contains("\"message\"").doesNotContain("Exception");
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
