package io.linnet.server.apidocs;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every endpoint with its credentials, and no internal parameter. */
class ApiDocsIT extends ServerIT {

    @Test
    void the_openapi_document_lists_the_apis_with_their_security_and_no_caller_parameters() {
        Api.Response docs = api().anonymous().get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        JsonNode paths = docs.json().get("paths");
        assertThat(paths.propertyNames()).contains("/v1/app", "/manage/v1/apps", "/manage/v1/apps/{appId}/keys",
                "/manage/v1/apps/{appId}/keys/{keyId}/revoke", "/manage/v1/members", "/manage/v1/audit",
                "/ops/v1/tenants", "/ops/v1/tenants/{tenantId}/suspend", "/invitations/{token}");
        assertThat(paths.get("/v1/app").get("get").get("security").toString()).contains("appKeyToken");
        assertThat(paths.get("/manage/v1/apps").get("post").get("security").toString()).contains("consoleAccount");
        List<String> parameters = paths.valueStream()
                .flatMap(JsonNode::valueStream)
                .filter(operation -> operation.has("parameters"))
                .flatMap(operation -> operation.get("parameters").valueStream())
                .map(parameter -> parameter.get("name").asString())
                .toList();
        assertThat(parameters).contains("appId", "limit", "cursor").doesNotContain("actor", "caller");
        assertThat(api().anonymous().get("/swagger-ui.html").status()).isIn(200, 302);
    }
}
