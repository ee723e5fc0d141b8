package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * Every page and API edge the platform maps, asked by someone not logged in, with each method it answers to: only
 * the public site, the login page, the home page, the error page and the health check answer; everything else sends
 * to the login form or refuses (401/403). So does the engine's REST API and the webapps' engine API. A new edge
 * is checked the day it is mapped.
 */
@SpotCheckIntegrationTest
class AnonymousAccessTest {

    private static final List<String> OPEN = List.of("/public", "/login", "/error", "/actuator/health");

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void anonymousReachesOnlyThePublicSite() {
        Set<String> asked = new TreeSet<>();
        MappedEdges.of(mappings).forEach(edge -> asked.add(edge.replaceAll("\\{[^}]+}", "1")));
        asked.addAll(List.of("GET /engine-rest/process-definition", "POST /engine-rest/deployment/create", "GET /engine-rest/user", "GET /actuator/info", "GET /actuator",
                "GET /camunda/api/engine/engine/default/task", "GET /camunda/api/engine/engine/default/history/task"));
        List<String> open = new ArrayList<>();
        int checked = 0;
        for (String request : asked) {
            String method = request.substring(0, request.indexOf(' '));
            String path = request.substring(request.indexOf(' ') + 1);
            if ("/".equals(path) || OPEN.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."))) {
                continue;
            }
            ResponseEntity<String> answer = http.exchange(path, HttpMethod.valueOf(method), HttpEntity.EMPTY, String.class);
            checked++;
            int status = answer.getStatusCode().value();
            boolean refused = status == 401 || status == 403
                    || (status == 200 && answer.getBody() != null && answer.getBody().contains("name=\"username\""));
            if (!refused) {
                open.add(request + " → " + status);
            }
        }
        assertThat(checked).as("the edges asked (about a hundred today)").isGreaterThan(80);
        assertThat(open).as("answered to someone not logged in").isEmpty();
    }
}
