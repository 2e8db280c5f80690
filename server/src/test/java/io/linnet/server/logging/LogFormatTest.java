package io.linnet.server.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.PatternLayout;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.core.util.OptionHelper;
import io.linnet.tenancy.LogContext;
import org.junit.jupiter.api.Test;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The server's log formats as application.yaml sets them up, fed to the encoder and the pattern
 * layout Spring Boot builds from those settings: readable lines by default, with the MDC's ids in
 * brackets when there are any, and {@code LINNET_LOG_FORMAT=json} for one JSON object a line with
 * the ids as fields.
 */
class LogFormatTest {

    private static final Map<String, String> IDS = Map.of(LogContext.REQUEST_ID, "4f2a9c01d3b5e7f9",
            LogContext.TENANT_ID, "0b6c2f9e-8f1d-4c3a-9e57-2d1f0a6b7c88", LogContext.APP_ID, "5d0e7a41-3c2b-4f6e-8a9d-1b2c3d4e5f60");

    @Test
    void by_default_the_console_writes_text() throws IOException {
        assertThat(environment(Map.of()).getProperty("logging.structured.format.console")).isEmpty();
        assertThat(environment(Map.of("LINNET_LOG_FORMAT", "text")).getProperty("logging.structured.format.console")).isEmpty();
    }

    @Test
    void json_is_the_elastic_common_schema_and_spring_boots_own_format_names_pass_through() throws IOException {
        assertThat(environment(Map.of("LINNET_LOG_FORMAT", "json")).getProperty("logging.structured.format.console")).isEqualTo("ecs");
        assertThat(environment(Map.of("LINNET_LOG_FORMAT", "logstash")).getProperty("logging.structured.format.console"))
                .isEqualTo("logstash");
    }

    @Test
    void in_json_each_line_is_one_json_object_with_the_ids_as_fields() throws IOException {
        Environment environment = environment(Map.of("LINNET_LOG_FORMAT", "json"));
        LoggerContext context = new LoggerContext();
        context.putObject(Environment.class.getName(), environment);
        StructuredLogEncoder encoder = new StructuredLogEncoder();
        encoder.setContext(context);
        encoder.setFormat(environment.getProperty("logging.structured.format.console"));
        encoder.start();

        String line = new String(encoder.encode(event(context, IDS, "Push 7 of app 5 expanded into 3 deliveries")), StandardCharsets.UTF_8);

        assertThat(line).endsWith("\n");
        assertThat(line.strip()).doesNotContain("\n");
        JsonNode json = JsonMapper.builder().build().readTree(line);
        assertThat(json.get("message").asString()).isEqualTo("Push 7 of app 5 expanded into 3 deliveries");
        assertThat(json.get("log").get("level").asString()).isEqualTo("INFO");
        IDS.forEach((key, value) -> assertThat(json.get(key).asString()).as(key).isEqualTo(value));
    }

    @Test
    void in_text_the_ids_stand_in_brackets_before_the_logger_and_a_line_without_ids_has_no_brackets() throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("LOG_CORRELATION_PATTERN", environment(Map.of()).getProperty("logging.pattern.correlation"));
        PatternLayout layout = new PatternLayout();
        layout.setContext(context);
        // how Spring Boot's console pattern places the correlation pattern, resolved as logback resolves it
        layout.setPattern(OptionHelper.substVars("[%t] ${LOG_CORRELATION_PATTERN:-}%logger : %m", context));
        layout.start();

        assertThat(layout.doLayout(event(context, IDS, "hello"))).isEqualTo("[main] [requestId=4f2a9c01d3b5e7f9 "
                + "tenantId=0b6c2f9e-8f1d-4c3a-9e57-2d1f0a6b7c88 appId=5d0e7a41-3c2b-4f6e-8a9d-1b2c3d4e5f60] io.linnet.Test : hello");
        assertThat(layout.doLayout(event(context, Map.of(LogContext.CONNECTION_ID, "9a8b7c6d5e4f3a2b"), "hello")))
                .isEqualTo("[main] [connectionId=9a8b7c6d5e4f3a2b] io.linnet.Test : hello");
        assertThat(layout.doLayout(event(context, Map.of(), "hello"))).isEqualTo("[main] io.linnet.Test : hello");
    }

    /** application.yaml with {@code variables} as the process's environment (and no other). */
    private static StandardEnvironment environment(Map<String, Object> variables) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        for (PropertySource<?> source : new YamlPropertySourceLoader().load("application.yaml", new ClassPathResource("application.yaml"))) {
            environment.getPropertySources().addLast(source);
        }
        return environment;
    }

    private static LoggingEvent event(LoggerContext context, Map<String, String> mdc, String message) {
        LoggingEvent event = new LoggingEvent(LogFormatTest.class.getName(), context.getLogger("io.linnet.Test"), Level.INFO,
                message, null, null);
        event.setThreadName("main");
        event.setMDCPropertyMap(mdc);
        return event;
    }
}
