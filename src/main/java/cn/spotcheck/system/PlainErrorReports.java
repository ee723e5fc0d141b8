package cn.spotcheck.system;

import java.io.IOException;
import java.io.PrintWriter;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * What Tomcat answers by itself, before the platform sees a request (a request line or header too long to parse,
 * a malformed request): the API's JSON error shape in Chinese instead of Tomcat's English HTML page.
 */
@Component
class PlainErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ChineseErrorReport.class.getName());
            }
        });
    }

    /** Tomcat's error page, in the API's words. */
    public static class ChineseErrorReport extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            String message = status == 400 ? "请求有误：请求行或请求头过长，或格式不正确" : status == 404 ? "地址不存在" : "请求未能处理（" + status + "）";
            try {
                response.setContentType("application/json");
                response.setCharacterEncoding("UTF-8");
                PrintWriter writer = response.getReporter();
                if (writer != null) {
                    writer.write("{\"message\":\"" + message + "\",\"errors\":[]}");
                }
            } catch (IOException | IllegalStateException ignored) {
                // The connection is gone or the response committed: nothing more can be said.
            }
        }
    }
}
