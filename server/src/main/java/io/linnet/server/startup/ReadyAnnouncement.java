package io.linnet.server.startup;

import io.linnet.messaging.GatewayAddress;
import io.linnet.server.LinnetSettings;
import io.linnet.tenancy.account.OperatorBootstrap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Once the server is up: creates the bootstrap operator on the very first start, and says where the
 * console is and how to sign in. A generated password is printed this once only.
 */
@Component
class ReadyAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ReadyAnnouncement.class);

    private final OperatorBootstrap operators;
    private final LinnetSettings settings;
    private final GatewayAddress gateway;

    ReadyAnnouncement(OperatorBootstrap operators, LinnetSettings settings, GatewayAddress gateway) {
        this.operators = operators;
        this.settings = settings;
        this.gateway = gateway;
    }

    @EventListener
    void onReady(ApplicationReadyEvent event) {
        var created = operators.ensureOperator(settings.operator().email(), settings.operator().configuredPassword());
        String url = settings.publicUrl().isBlank() ? "http://localhost:" + port(event) + "/" : settings.publicUrl();
        StringBuilder message = new StringBuilder()
                .append("\n\n  Linnet is ready.\n  Console:  ").append(url)
                .append("\n  API docs: ").append(url.endsWith("/") ? url : url + "/").append("swagger-ui.html")
                .append("\n  Real time: ").append(gateway.websocketUrl()).append(" (end users' WebSocket, docs/realtime.md)\n");
        created.ifPresentOrElse(operator -> {
            message.append("  Operator: ").append(operator.email());
            operator.generatedPassword().ifPresentOrElse(
                    password -> message.append("  password: ").append(password)
                            .append("\n            (generated and shown this once: keep it, or set LINNET_OPERATOR_PASSWORD)"),
                    () -> message.append("  (password from LINNET_OPERATOR_PASSWORD)"));
        }, () -> message.append("  Sign in with your operator account."));
        if (settings.embeddedDatabase()) {
            message.append("\n  Data:     ").append(settings.dataDir().toAbsolutePath().normalize())
                    .append(" (embedded PostgreSQL and Redis)");
        }
        log.info("{}\n", message);
    }

    private static int port(ApplicationReadyEvent event) {
        return event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null
                ? web.getWebServer().getPort() : 8080;
    }
}
