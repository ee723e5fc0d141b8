package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * Who may call what: every page and API edge the platform maps, with each method it answers to, asked by one user of
 * each role. The table below is the policy, read by a person; a new edge fails this test until it is written into the
 * table. A path's ids are ones that do not exist, so an allowed call finds nothing (404/400) and changes nothing; a
 * refused one is 403. State-changing calls are only made by the roles the table refuses, and a refusal changes nothing
 * either. Pages' forms are posted with the page's CSRF token, so a 403 there is the role's and not the token's.
 */
@SpotCheckIntegrationTest
class RoleAccessTest {

    /** The users asked, one per role, in the table's column order. */
    private static final Map<String, String> USERS = new LinkedHashMap<>();

    static {
        USERS.put("legal", "fagui");
        USERS.put("justice", "sifa");
        USERS.put("supervision", "ducha");
        USERS.put("inspector", "zf001");
        USERS.put("admin", "admin");
    }

    /**
     * The policy. "all" is every logged-in user; the object-level rules behind an allowed edge (an officer reads only
     * the inspections they were drawn for, a draw before its confirmation only its drawers) are the business of the
     * tests of those edges.
     */
    private static final String POLICY = """
            GET /api/calendar/days/{date}                     all
            GET /api/calendar/deadline-changes                admin supervision
            GET /api/calendar/holiday-schedules               all
            GET /api/calendar/working-days/add                all
            POST /api/calendar/holiday-schedules/{year}       admin
            GET /calendar/holidays                            admin supervision
            POST /calendar/holidays                           admin

            GET /api/catalog/vocabulary                       all
            GET /api/targets                                  all
            GET /api/targets/export                           all
            GET /api/targets/{id}                             all
            GET /api/targets/{id}/history                     all
            POST /api/targets                                 admin legal
            PUT /api/targets/{id}                             admin legal
            POST /api/targets/import                          admin legal
            GET /api/inspectors                               all
            GET /api/inspectors/export                        all
            GET /api/inspectors/{id}                          all
            GET /api/inspectors/{id}/history                  all
            GET /api/inspectors/{id}/recusals                 all
            POST /api/inspectors                              admin legal
            PUT /api/inspectors/{id}                          admin legal
            POST /api/inspectors/{id}/recusals                admin legal
            POST /api/inspectors/import                       admin legal
            GET /api/item-list/versions                       all
            GET /api/item-list/versions/{version}             all
            GET /api/items                                    all
            GET /api/items/{id}                               all
            GET /api/items/{id}/history                       all
            POST /api/items                                   admin legal
            PUT /api/items/{id}                               admin legal
            GET /catalog                                      all
            GET /catalog/                                     all
            GET /catalog/import                               all
            GET /catalog/inspectors                           all
            GET /catalog/inspectors/{id}                      all
            GET /catalog/items                                all
            GET /catalog/items/{id}                           all
            GET /catalog/targets                              all
            GET /catalog/targets/new                          all
            GET /catalog/targets/{id}                         all
            POST /catalog/import                              admin legal
            POST /catalog/inspectors/{id}                     admin legal
            POST /catalog/inspectors/{id}/recusals            admin legal
            POST /catalog/items/{id}                          admin legal
            POST /catalog/targets/new                         admin legal
            POST /catalog/targets/{id}                        admin legal

            GET /api/plans                                    all
            GET /api/plans/{id}                               all
            GET /api/plans/{id}/versions                      all
            POST /api/plans                                   admin legal
            POST /api/plans/{id}/adjust                       admin legal
            POST /api/plans/{id}/submit                       admin legal
            POST /api/plans/{id}/tasks                        admin legal
            GET /plans                                        all
            GET /plans/{id}                                   all
            POST /plans                                       admin legal
            POST /plans/{id}/adjust                           admin legal
            POST /plans/{id}/submit                           admin legal
            POST /plans/{id}/tasks                            admin legal

            GET /api/draws/chain/verify                       all
            GET /api/draws/{id}                               all
            GET /api/draws/{id}/verify                        all
            GET /api/tasks/{taskId}/draw                      all
            POST /api/tasks/{taskId}/start                    admin legal
            POST /api/tasks/{taskId}/draw/replacements        admin legal
            GET /tasks/{id}                                   all
            GET /tasks/{id}/ledger.xlsx                       all
            POST /tasks/{id}/start                            admin legal

            GET /api/inspections                              all
            GET /api/inspections/{code}                       all
            GET /api/inspections/{code}/corrections           all
            POST /api/inspections/{code}/corrections          all
            GET /inspections/{code}                           all
            GET /inspections/{code}/evidence/{id}             all
            POST /inspections/{code}/corrections              all
            POST /inspections/{code}/evidence                 all

            GET /api/documents                                all
            GET /api/documents/{id}                           all
            GET /api/documents/{id}/pdf                       all
            GET /publication                                  admin legal supervision
            GET /publication/batches/{id}.xlsx                admin legal
            POST /publication/batches/{id}/confirm            admin legal
            POST /publication/deliver                         admin legal

            GET /api/supervision/overdue                      admin supervision
            GET /api/supervision/statistics                   admin supervision
            GET /supervision                                  admin supervision
            GET /supervision/assessment                       admin supervision
            GET /supervision/statistics                       admin supervision
            GET /supervision/statistics-cells.xlsx            admin supervision
            GET /supervision/statistics.xlsx                  admin supervision
            POST /supervision/notices                         admin supervision
            POST /supervision/reports                         admin supervision
            GET /warnings                                     admin legal supervision

            GET /api/audit                                    admin supervision
            GET /api/audit/verify                             admin supervision
            GET /audit                                        admin supervision
            POST /warnings/targeted                           admin legal
            """;

    private static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");
    private static final String NO_SUCH_ID = "999999999";

    @Autowired
    TestRestTemplate http;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Test
    void eachRoleReachesExactlyTheEdgesThePolicyGivesIt() {
        Map<String, Set<String>> policy = policy();
        Map<String, Set<String>> observed = new TreeMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        USERS.forEach((role, user) -> tokens.put(role, csrf(user)));
        for (String edge : edges()) {
            String method = edge.substring(0, edge.indexOf(' '));
            String path = VARIABLE.matcher(edge.substring(edge.indexOf(' ') + 1)).replaceAll(NO_SUCH_ID);
            boolean safe = method.equals("GET");
            Set<String> expected = policy.get(edge);
            Set<String> allowed = new TreeSet<>();
            for (Map.Entry<String, String> user : USERS.entrySet()) {
                String role = user.getKey();
                if (!safe && (expected == null || expected.contains(role))) {
                    allowed.add(role); // not called: it might change something; the allowed side is the edge's own tests'
                    continue;
                }
                if (!refused(call(user.getValue(), tokens.get(role), method, path))) {
                    allowed.add(role);
                }
            }
            observed.put(edge, allowed);
        }
        StringBuilder table = new StringBuilder();
        observed.forEach((edge, roles) -> table.append(String.format("%-60s %s%n", edge, roles.size() == USERS.size() ? "all"
                : roles.isEmpty() ? "none" : String.join(" ", roles))));
        List<String> differences = new ArrayList<>();
        observed.forEach((edge, roles) -> {
            if (!roles.equals(policy.get(edge))) {
                differences.add(edge + ": policy " + policy.get(edge) + ", observed " + roles);
            }
        });
        policy.keySet().stream().filter(edge -> !observed.containsKey(edge)).forEach(edge -> differences.add(edge + ": no longer mapped"));
        assertThat(differences).as("edges whose access differs from the policy; observed table:%n%s", table).isEmpty();
    }

    private Set<String> edges() {
        Set<String> edges = MappedEdges.of(mappings);
        edges.removeIf(edge -> {
            String path = edge.substring(edge.indexOf(' ') + 1);
            return path.equals("/") || path.equals("/login") || path.equals("/logout") || path.equals("/public")
                    || path.startsWith("/public/") || path.startsWith("/error");
        });
        return edges;
    }

    private Map<String, Set<String>> policy() {
        Map<String, Set<String>> policy = new TreeMap<>();
        for (String line : POLICY.strip().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.strip().split("\\s+");
            Set<String> roles = new TreeSet<>(Arrays.asList(parts).subList(2, parts.length));
            if (roles.equals(Set.of("all"))) {
                roles = new TreeSet<>(USERS.keySet());
            } else if (roles.equals(Set.of("none"))) {
                roles = new TreeSet<>();
            }
            policy.put(parts[0] + " " + parts[1], roles);
        }
        return policy;
    }

    private ResponseEntity<String> call(String user, String token, String method, String path) {
        HttpHeaders headers = new HttpHeaders();
        Object body = null;
        if (!method.equals("GET")) {
            if (path.startsWith("/api/")) {
                headers.setContentType(MediaType.APPLICATION_JSON);
                body = "{}";
            } else {
                String[] session = token.split(" ", 2);
                headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
                headers.add(HttpHeaders.COOKIE, session[0]);
                body = "_csrf=" + session[1];
            }
        }
        return http.withBasicAuth(user, "demo").exchange(path, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
    }

    /** A session of the user's and its CSRF token, as "cookie token", for posting pages' forms. */
    private String csrf(String user) {
        ResponseEntity<String> page = http.withBasicAuth(user, "demo").getForEntity("/login", String.class);
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.getBody());
        assertThat(token.find()).as("the login page's CSRF token").isTrue();
        return page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0] + " " + token.group(1);
    }

    private static boolean refused(ResponseEntity<String> answer) {
        return answer.getStatusCode().value() == 403 || answer.getStatusCode().value() == 401;
    }
}
