package io.linnet.server.tenant;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator tells tenants apart: two tenants may not share a name, the list finds a tenant by its
 * name or its owner's address, and an owner who has not joined can be sent a fresh invitation link.
 */
class TenantNamesIT extends ServerIT {

    @Test
    void a_second_tenant_with_the_same_name_ignoring_case_and_spaces_is_refused_and_nothing_of_it_is_stored() {
        String name = "Name Clash " + UUID.randomUUID().toString().substring(0, 8);
        fixtures().tenant(name);
        String ownerEmail = "second-" + UUID.randomUUID() + "@clash.test";

        Api.Response again = operator().post("/ops/v1/tenants", Map.of("name", "  " + name.toUpperCase() + " ",
                "owner", Map.of("email", ownerEmail, "password", Fixtures.PASSWORD)));

        again.assertProblem(409, "tenant_name_taken");
        assertThat(again.json().get("detail").asString()).startsWith("name is already used by another tenant");
        assertThat(api().basic(ownerEmail, Fixtures.PASSWORD).get("/manage/v1/apps").status())
                .as("the refused tenant's owner was not created").isEqualTo(401);
        assertThat(operator().get("/ops/v1/tenants?q=" + encode(name)).json().get("items").size()).isEqualTo(1);
        assertThat(operator().post("/ops/v1/tenants", Map.of("name", name + " Two",
                "owner", Map.of("email", ownerEmail, "password", Fixtures.PASSWORD))).status())
                .as("a name that only starts the same is another name").isEqualTo(201);
    }

    @Test
    void the_list_finds_tenants_by_a_part_of_the_name_or_of_the_owners_address_ignoring_case() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Fixtures.TenantOwner byName = fixtures().tenant("Findable " + marker + " Ltd");
        Fixtures.TenantOwner other = fixtures().tenant("Unrelated " + UUID.randomUUID().toString().substring(0, 8));

        assertThat(Fixtures.ids(operator().get("/ops/v1/tenants?q=" + encode("FINDABLE " + marker))))
                .containsExactly(byName.tenantId());
        assertThat(Fixtures.ids(operator().get("/ops/v1/tenants?q=" + encode(other.email().toUpperCase()))))
                .containsExactly(other.tenantId());
        assertThat(Fixtures.ids(operator().get("/ops/v1/tenants?q=" + encode("%" + marker))))
                .as("% is a character to find, not a wildcard").isEmpty();
        assertThat(operator().get("/ops/v1/tenants?q=" + "x".repeat(201)).status()).isEqualTo(400);
    }

    @Test
    void an_owner_who_has_not_joined_gets_a_fresh_link_that_replaces_the_first_and_one_who_joined_gets_none() {
        String ownerEmail = "late-owner-" + UUID.randomUUID() + "@names.test";
        Api.Response created = operator().post("/ops/v1/tenants", Map.of("name", "Late Owner " + UUID.randomUUID(),
                "owner", Map.of("email", ownerEmail)));
        String tenant = created.json().get("tenant").get("id").asString();
        String firstLink = created.json().get("invitationUrl").asString();

        Api.Response again = operator().post("/ops/v1/tenants/" + tenant + "/owner/invitation", null);

        assertThat(again.status()).as(again.toString()).isEqualTo(200);
        assertThat(again.header("Cache-Control")).isEqualTo("no-store");
        assertThat(again.json().get("owner").get("email").asString()).isEqualTo(ownerEmail);
        String link = again.json().get("invitationUrl").asString();
        assertThat(link).startsWith(api().baseUrl() + "/invitation/").isNotEqualTo(firstLink);
        api().anonymous().post("/invitations/" + token(firstLink), Map.of("password", Fixtures.PASSWORD))
                .assertProblem(404, "not_found");
        assertThat(api().anonymous().post("/invitations/" + token(link), Map.of("password", Fixtures.PASSWORD)).status())
                .isEqualTo(200);
        assertThat(api().basic(ownerEmail, Fixtures.PASSWORD).get("/manage/v1/apps").status()).isEqualTo(200);

        operator().post("/ops/v1/tenants/" + tenant + "/owner/invitation", null).assertProblem(409, "conflict");
        operator().post("/ops/v1/tenants/" + UUID.randomUUID() + "/owner/invitation", null).assertProblem(404, "not_found");
        assertThat(api().basic(ownerEmail, Fixtures.PASSWORD).post("/ops/v1/tenants/" + tenant + "/owner/invitation", null)
                .status()).as("operators only").isEqualTo(403);
    }

    private static String token(String link) {
        return link.substring(link.lastIndexOf('/') + 1);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
