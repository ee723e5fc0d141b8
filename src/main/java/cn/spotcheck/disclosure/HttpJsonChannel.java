package cn.spotcheck.disclosure;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A receiving system's interface: the records POSTed as {@code {"records":[{"idempotencyKey":…, "record":{…}}]}},
 * delivered when it answers 2xx. A receiver drops a record whose key it has already taken.
 */
class HttpJsonChannel implements PublicationChannel {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);

    private final PublicationSettings.Channel settings;
    private final ObjectMapper json;
    private final HttpClient client;
    private final Duration timeout;

    HttpJsonChannel(PublicationSettings.Channel settings, ObjectMapper json) {
        this.settings = settings;
        this.json = json;
        this.timeout = settings.timeout() == null ? DEFAULT_TIMEOUT : settings.timeout();
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public String name() {
        return settings.name();
    }

    @Override
    public String title() {
        return settings.title() == null ? settings.name() : settings.title();
    }

    @Override
    public boolean deliveredOnSend() {
        return true;
    }

    @Override
    public void send(List<OutboxRecord> records) {
        HttpRequest.Builder request = HttpRequest.newBuilder(settings.url()).timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body(records)));
        if (settings.token() != null && !settings.token().isBlank()) {
            request.header("Authorization", "Bearer " + settings.token());
        } else if (settings.username() != null && !settings.username().isBlank()) {
            String pair = settings.username() + ":" + (settings.password() == null ? "" : settings.password());
            request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> answer;
        try {
            answer = client.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new DeliveryFailedException(title() + "在 " + timeout.toSeconds() + " 秒内没有答复", e);
        } catch (IOException e) {
            throw new DeliveryFailedException("无法连接" + title() + "（" + settings.url() + "）：" + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryFailedException("报送" + title() + "时被中断", e);
        }
        if (answer.statusCode() / 100 != 2) {
            String said = answer.body() == null ? "" : answer.body().strip();
            throw new DeliveryFailedException(title() + "答复 " + answer.statusCode()
                    + (said.isEmpty() ? "" : "：" + said.substring(0, Math.min(200, said.length()))), null);
        }
    }

    private byte[] body(List<OutboxRecord> records) {
        try {
            ObjectNode body = json.createObjectNode();
            ArrayNode list = body.putArray("records");
            for (OutboxRecord r : records) {
                ObjectNode entry = list.addObject();
                entry.put("idempotencyKey", r.idempotencyKey());
                entry.set("record", json.readTree(r.payloadJson()));
            }
            return json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
