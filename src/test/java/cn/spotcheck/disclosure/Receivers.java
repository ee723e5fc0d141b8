package cn.spotcheck.disclosure;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A receiving system for the interface channel, started in the test: {@code /records} answered by the test's handler. */
final class Receivers {

    private Receivers() {
    }

    static HttpServer start(HttpHandler records) throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.setExecutor(Executors.newFixedThreadPool(4));
        receiver.createContext("/records", records);
        receiver.start();
        return receiver;
    }

    static String url(HttpServer receiver) {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/records";
    }

    static void answer(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }
}
