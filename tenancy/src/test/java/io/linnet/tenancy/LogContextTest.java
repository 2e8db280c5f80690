package io.linnet.tenancy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class LogContextTest {

    private static final AppRef APP = new AppRef(new TenantId(UUID.randomUUID()), new AppId(UUID.randomUUID()));

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    void an_app_context_names_the_tenant_and_the_app_until_it_closes_and_then_leaves_nothing() {
        try (LogContext logged = LogContext.of(APP)) {
            assertThat(MDC.getCopyOfContextMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    LogContext.TENANT_ID, APP.tenantId().toString(), LogContext.APP_ID, APP.appId().toString()));
        }

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void closing_puts_back_what_an_enclosing_context_had_set() {
        AppRef other = new AppRef(APP.tenantId(), new AppId(UUID.randomUUID()));
        try (LogContext outer = LogContext.of(APP)) {
            try (LogContext inner = LogContext.of(other)) {
                assertThat(MDC.get(LogContext.APP_ID)).isEqualTo(other.appId().toString());
            }
            assertThat(MDC.get(LogContext.APP_ID)).isEqualTo(APP.appId().toString());
            assertThat(MDC.get(LogContext.TENANT_ID)).isEqualTo(APP.tenantId().toString());
        }
    }

    @Test
    void a_connection_that_learns_its_app_midway_forgets_both_when_it_closes() {
        try (LogContext logged = LogContext.ofConnection("c-1")) {
            assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys(LogContext.CONNECTION_ID);
            logged.and(APP);
            // set twice: what closing puts back is what was there before the first time
            logged.and(APP);
            assertThat(MDC.getCopyOfContextMap()).containsOnlyKeys(LogContext.CONNECTION_ID, LogContext.TENANT_ID, LogContext.APP_ID);
        }

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }
}
