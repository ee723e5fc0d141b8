package cn.spotcheck.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import cn.spotcheck.SpotCheckIntegrationTest;

/**
 * Another site cannot make a logged-in browser change the record: not with the session cookie (the API wants the
 * CSRF token then), not from another port of the same host, not with HTTP Basic credentials the browser cached
 * (browsers are never asked for them). API clients with Basic credentials work as before.
 */
@SpotCheckIntegrationTest
class CrossSiteRequestTest {

    @Autowired
    TestRestTemplate http;

    @Test
    void aRequestFromAnotherOriginIsRefusedWhateverItsCredentials() {
        ResponseEntity<String> foreign = http.withBasicAuth("fagui", "demo").exchange("/api/plans", HttpMethod.POST,
                json(Map.of("year", 2027, "department", "公路管理科", "title", "跨站计划"), "Origin", "http://evil.example"), String.class);
        assertThat(foreign.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(foreign.getBody()).contains("其他网站");
        ResponseEntity<String> sameSite = http.withBasicAuth("fagui", "demo").exchange("/api/plans", HttpMethod.POST,
                json(Map.of("year", 2027, "department", "公路管理科", "title", "同站另一端口"), "Sec-Fetch-Site", "same-site"), String.class);
        assertThat(sameSite.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        ResponseEntity<String> client = http.withBasicAuth("fagui", "demo").postForEntity("/api/plans",
                Map.of("year", 2027, "department", "公路管理科", "title", "接口客户端的计划"), String.class);
        assertThat(client.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void theSessionCookieAloneDoesNotChangeAnythingWithoutTheToken() {
        List<String> cookies = login("fagui");
        HttpHeaders withCookie = new HttpHeaders();
        withCookie.setContentType(MediaType.APPLICATION_JSON);
        withCookie.put(HttpHeaders.COOKIE, cookies);
        ResponseEntity<String> forged = http.exchange("/api/plans", HttpMethod.POST,
                new HttpEntity<>(Map.of("year", 2027, "department", "公路管理科", "title", "仅凭会话"), withCookie), String.class);
        assertThat(forged.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(forged.getBody()).contains("CSRF");

        HttpHeaders page = new HttpHeaders();
        page.put(HttpHeaders.COOKIE, cookies);
        String importPage = http.exchange("/catalog/import", HttpMethod.GET, new HttpEntity<>(page), String.class).getBody();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(importPage);
        assertThat(token.find()).isTrue();
        withCookie.set("X-CSRF-TOKEN", token.group(1));
        ResponseEntity<String> fromThePage = http.exchange("/api/plans", HttpMethod.POST,
                new HttpEntity<>(Map.of("year", 2027, "department", "公路管理科", "title", "页面提交的计划"), withCookie), String.class);
        assertThat(fromThePage.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }

    @Test
    void browsersAreNeverChallengedForBasicCredentials() {
        HttpHeaders browser = new HttpHeaders();
        browser.set("Sec-Fetch-Mode", "cors");
        ResponseEntity<String> api = http.exchange("/api/plans", HttpMethod.GET, new HttpEntity<>(browser), String.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(api.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();

        HttpHeaders page = new HttpHeaders();
        page.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> engine = http.exchange("/engine-rest/task", HttpMethod.GET, new HttpEntity<>(page), String.class);
        assertThat(engine.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(engine.getHeaders().containsKey(HttpHeaders.WWW_AUTHENTICATE)).isFalse();

        ResponseEntity<String> curl = http.getForEntity("/api/plans", String.class);
        assertThat(curl.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(curl.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    private static HttpEntity<Object> json(Object body, String header, String value) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set(header, value);
        return new HttpEntity<>(body, headers);
    }

    @Test
    void theSessionCookieIsKeptFromScriptsAndOtherSitesAndSecureBehindTls() {
        String plain = sessionCookie(loginAnswer("fagui"));
        assertThat(plain).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
        // Behind the reverse proxy that ends TLS (it tells the scheme in X-Forwarded-Proto), the cookie travels over https only.
        HttpResponse<String> behindTls = loginAnswer("fagui", "X-Forwarded-Proto", "https");
        assertThat(sessionCookie(behindTls)).contains("HttpOnly").contains("SameSite=Lax").contains("Secure");
        assertThat(behindTls.headers().firstValue("Location")).hasValueSatisfying(to -> assertThat(to).startsWith("https://"));
    }

    private static String sessionCookie(HttpResponse<String> answer) {
        return answer.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
    }

    /** Logs in through the login page as a browser does (without following the redirect); returns the session cookies. */
    private List<String> login(String user) {
        return loginAnswer(user).headers().allValues("Set-Cookie").stream().map(c -> c.split(";")[0]).toList();
    }

    private HttpResponse<String> loginAnswer(String user, String... headers) {
        ResponseEntity<String> loginPage = http.getForEntity("/login", String.class);
        List<String> cookies = loginPage.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream().map(c -> c.split(";")[0]).toList();
        Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(loginPage.getBody());
        assertThat(token.find()).isTrue();
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(http.getRootUri() + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", String.join("; ", cookies))
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=demo&_csrf="
                            + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)));
            if (headers.length > 0) {
                request.headers(headers);
            }
            HttpResponse<String> answer = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(302);
            return answer;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
