package io.linnet.server.web;

import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * What Tomcat answers on its own, before a request reaches the application: a path it cannot decode
 * ({@code %00}, an encoded slash, bytes that are no UTF-8) or a request it cannot parse. Its stock
 * valve writes an HTML page that quotes Tomcat's message, and with it the request's bytes; this one
 * writes the same problem+json as every other error, saying only what kind of error it was.
 */
@Component
class ProblemErrorReport implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        // runs before the host starts, which is when the host adds its error report valve
        factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof Host host && host instanceof StandardHost standard) {
                standard.setErrorReportValveClass(ProblemValve.class.getName());
            }
        });
    }

    /** Tomcat's error report valve, writing problem+json instead of an HTML page. */
    public static final class ProblemValve extends ErrorReportValve {

        @Override
        protected void report(Request request, Response response, Throwable failure) {
            int status = response.getStatus();
            if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            HttpStatus known = HttpStatus.resolve(status);
            String code = status == 400 ? "invalid_request" : status == 404 ? "not_found" : status >= 500 ? "internal_error"
                    : "invalid_request";
            String detail = status == 400 ? "The request could not be read: its address or headers are not valid"
                    : status >= 500 ? "Something went wrong on our side" : known == null ? "The request was refused" : known.getReasonPhrase();
            String body = "{\"type\":\"about:blank\",\"title\":\"" + (known == null ? "Error" : known.getReasonPhrase())
                    + "\",\"status\":" + status + ",\"code\":\"" + code + "\",\"detail\":\"" + detail + "\"}";
            try {
                response.setContentType("application/problem+json");
                response.setCharacterEncoding(StandardCharsets.UTF_8.name());
                Writer writer = response.getReporter();
                if (writer != null) {
                    writer.write(body);
                    response.finishResponse();
                }
            } catch (IOException | IllegalStateException ignored) {
                // the client is gone, or the response was taken over: nothing more to say
            }
        }
    }
}
