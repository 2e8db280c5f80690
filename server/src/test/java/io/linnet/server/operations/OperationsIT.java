package io.linnet.server.operations;

import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What an operator's load balancer, orchestrator and metrics scraper see. */
class OperationsIT extends ServerIT {

    @Test
    void health_liveness_and_readiness_answer_up_including_the_database_and_redis() {
        assertThat(api().anonymous().get("/actuator/health").json().get("status").asString()).isEqualTo("UP");
        assertThat(api().anonymous().get("/actuator/health/liveness").json().get("status").asString()).isEqualTo("UP");
        assertThat(api().anonymous().get("/actuator/health/readiness").json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void prometheus_metrics_cover_the_jvm_the_connection_pools_and_http() {
        api().anonymous().get("/actuator/health");
        String metrics = api().anonymous().get("/actuator/prometheus").body();

        assertThat(metrics).contains("jvm_memory_used_bytes", "hikaricp_connections_active", "http_server_requests_seconds");
        assertThat(metrics).contains("pool=\"linnet-app\"", "pool=\"linnet-platform\"");
    }

    @Test
    void only_health_info_and_metrics_are_exposed() {
        assertThat(api().anonymous().get("/actuator/env").status()).isEqualTo(404);
        assertThat(api().anonymous().get("/actuator/beans").status()).isEqualTo(404);
        assertThat(api().anonymous().get("/actuator/heapdump").status()).isEqualTo(404);
    }
}
