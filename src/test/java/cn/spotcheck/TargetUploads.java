package cn.spotcheck;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Imports of new targets through the API, as 法规科 (fagui) uploads them, for tests that run a node of their own. */
public final class TargetUploads {

    private TargetUploads() {
    }

    /** {@code rows} new targets as a CSV upload to {@code base}'s API, their credit codes numbered from {@code from}. */
    public static HttpRequest csv(String base, int from, int rows) {
        StringBuilder csv = new StringBuilder("统一社会信用代码,名称,类别,区域,信用等级,标注,经营状态\n");
        for (int i = 0; i < rows; i++) {
            csv.append(Fixtures.uscc(from + i)).append(",长春导入测试运输有限公司").append(from + i).append(",公路货运,朝阳区,B,,在营\n");
        }
        String body = "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"targets.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                + csv + "\r\n--b--\r\n";
        return HttpRequest.newBuilder(URI.create(base + "/api/targets/import")).header("Authorization", basic("fagui"))
                .header("Content-Type", "multipart/form-data; boundary=b").timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
    }

    /** HTTP Basic for a demo user (password {@code demo}). */
    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
    }
}
