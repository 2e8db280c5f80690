package io.linnet.server.validation;

import io.linnet.server.support.Api;
import io.linnet.server.support.Fixtures;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input on every endpoint gets a 4xx problem+json with a stable code and a sentence that says
 * what was wrong; never a 500, and nothing is written.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT extends ServerIT {

    private static final String HUGE = "{\"name\":\"" + "x".repeat(70 * 1024) + "\"}";

    @Autowired
    PlatformDatabase platform;

    private Fixtures.TenantOwner owner;
    private String appId;
    private Fixtures.AppKey key;
    private String memberId;
    private String token;

    /** One bad request: who sends it, what, and the answer it must get. */
    record Case(String name, Who who, String method, String path, String contentType, String body, int status, String code) {
        @Override
        public String toString() {
            return name;
        }
    }

    enum Who { NOBODY, WRONG_PASSWORD, OPERATOR, OWNER, APP_TOKEN, GARBAGE_TOKEN, KEY, WRONG_SECRET }

    @BeforeAll
    void aTenantWithAnAppAndAKey() {
        owner = fixtures().tenant("Bad Input");
        appId = fixtures().app(owner, "bad-input");
        key = fixtures().key(owner, appId);
        fixtures().member(owner, "VIEWER");
        memberId = Fixtures.ids(owner.client().get("/manage/v1/members")).getLast();
        token = api().accessToken(key.keyId(), key.secret());
    }

    Stream<Case> cases() {
        String apps = "/manage/v1/apps";
        String app = apps + "/" + appId;
        String keys = app + "/keys";
        String members = "/manage/v1/members";
        String json = "application/json";
        List<Case> cases = new ArrayList<>();

        // the operator API
        cases.add(new Case("tenants: no credentials", Who.NOBODY, "GET", "/ops/v1/tenants", null, null, 401, "unauthorized"));
        cases.add(new Case("tenants: wrong password", Who.WRONG_PASSWORD, "POST", "/ops/v1/tenants", json, "{}", 401, "unauthorized"));
        cases.add(new Case("tenants: malformed JSON", Who.OPERATOR, "POST", "/ops/v1/tenants", json, "{\"name\": ", 400, "invalid_request"));
        cases.add(new Case("tenants: name of the wrong type", Who.OPERATOR, "POST", "/ops/v1/tenants", json,
                "{\"name\": 42, \"owner\": {\"email\": \"x@y.test\"}}", 400, "invalid_request"));
        cases.add(new Case("tenants: owner of the wrong type", Who.OPERATOR, "POST", "/ops/v1/tenants", json,
                "{\"name\": \"N\", \"owner\": \"x@y.test\"}", 400, "invalid_request"));
        cases.add(new Case("tenants: missing owner", Who.OPERATOR, "POST", "/ops/v1/tenants", json, "{\"name\": \"No owner\"}", 400, "invalid_request"));
        cases.add(new Case("tenants: missing name", Who.OPERATOR, "POST", "/ops/v1/tenants", json,
                "{\"owner\": {\"email\": \"noname@y.test\"}}", 400, "invalid_request"));
        cases.add(new Case("tenants: not an e-mail", Who.OPERATOR, "POST", "/ops/v1/tenants", json,
                "{\"name\": \"Bad mail\", \"owner\": {\"email\": \"not-an-email\"}}", 400, "invalid_request"));
        cases.add(new Case("tenants: short password", Who.OPERATOR, "POST", "/ops/v1/tenants", json,
                "{\"name\": \"Short\", \"owner\": {\"email\": \"short@y.test\", \"password\": \"abc\"}}", 400, "invalid_request"));
        cases.add(new Case("tenants: taken owner e-mail", Who.OPERATOR, "POST", "/ops/v1/tenants", json,
                "{\"name\": \"Taken\", \"owner\": {\"email\": \"" + owner.email() + "\"}}", 409, "conflict"));
        cases.add(new Case("tenants: oversized body", Who.OPERATOR, "POST", "/ops/v1/tenants", json, HUGE, 413, "payload_too_large"));
        cases.add(new Case("tenants: not JSON", Who.OPERATOR, "POST", "/ops/v1/tenants", "text/plain", "name=x", 415, "unsupported_media_type"));
        cases.add(new Case("tenants: unknown tenant", Who.OPERATOR, "POST", "/ops/v1/tenants/not-a-uuid/suspend", null, null, 404, "not_found"));
        cases.add(new Case("tenants: limit out of range", Who.OPERATOR, "GET", "/ops/v1/tenants?limit=0", null, null, 400, "invalid_request"));
        cases.add(new Case("tenants: limit not a number", Who.OPERATOR, "GET", "/ops/v1/tenants?limit=ten", null, null, 400, "invalid_request"));
        cases.add(new Case("tenants: forged cursor", Who.OPERATOR, "GET", "/ops/v1/tenants?cursor=%25%25", null, null, 400, "invalid_request"));

        // apps
        cases.add(new Case("apps: no credentials", Who.NOBODY, "POST", apps, json, "{\"name\": \"x\"}", 401, "unauthorized"));
        cases.add(new Case("apps: an app token is no console account", Who.APP_TOKEN, "GET", apps, null, null, 401, "unauthorized"));
        cases.add(new Case("apps: malformed JSON", Who.OWNER, "POST", apps, json, "{\"name\"", 400, "invalid_request"));
        cases.add(new Case("apps: name of the wrong type", Who.OWNER, "POST", apps, json, "{\"name\": true}", 400, "invalid_request"));
        cases.add(new Case("apps: missing name", Who.OWNER, "POST", apps, json, "{}", 400, "invalid_request"));
        cases.add(new Case("apps: empty body", Who.OWNER, "POST", apps, json, "", 400, "invalid_request"));
        cases.add(new Case("apps: a JSON array", Who.OWNER, "POST", apps, json, "[1,2]", 400, "invalid_request"));
        cases.add(new Case("apps: name with control characters", Who.OWNER, "POST", apps, json, "{\"name\": \"a\\u0000b\"}", 400, "invalid_request"));
        cases.add(new Case("apps: name too long", Who.OWNER, "POST", apps, json, "{\"name\": \"" + "n".repeat(200) + "\"}", 400, "invalid_request"));
        cases.add(new Case("apps: duplicate name", Who.OWNER, "POST", apps, json, "{\"name\": \"bad-input\"}", 409, "conflict"));
        cases.add(new Case("apps: oversized body", Who.OWNER, "POST", apps, json, HUGE, 413, "payload_too_large"));
        cases.add(new Case("apps: rename with a number", Who.OWNER, "PATCH", app, json, "{\"name\": 7}", 400, "invalid_request"));
        cases.add(new Case("apps: unknown app", Who.OWNER, "GET", apps + "/01234567-89ab-7def-8123-456789abcdef", null, null, 404, "not_found"));
        cases.add(new Case("apps: malformed app id", Who.OWNER, "DELETE", apps + "/nope", null, null, 404, "not_found"));
        cases.add(new Case("apps: unsupported method", Who.OWNER, "PUT", app, json, "{}", 405, "method_not_allowed"));

        // app keys
        cases.add(new Case("keys: scopes of the wrong type", Who.OWNER, "POST", keys, json, "{\"scopes\": \"push\"}", 400, "invalid_request"));
        cases.add(new Case("keys: unknown scope", Who.OWNER, "POST", keys, json, "{\"scopes\": [\"root\"]}", 400, "invalid_request"));
        cases.add(new Case("keys: scope of the wrong type", Who.OWNER, "POST", keys, json, "{\"scopes\": [1]}", 400, "invalid_request"));
        cases.add(new Case("keys: name too long", Who.OWNER, "POST", keys, json, "{\"name\": \"" + "k".repeat(101) + "\"}", 400, "invalid_request"));
        cases.add(new Case("keys: malformed JSON", Who.OWNER, "POST", keys, json, "{{", 400, "invalid_request"));
        cases.add(new Case("keys: unknown key", Who.OWNER, "POST", keys + "/lk_nothere/revoke", null, null, 404, "not_found"));
        cases.add(new Case("keys: unknown app", Who.OWNER, "GET", apps + "/01234567-89ab-7def-8123-456789abcdef/keys", null, null, 404, "not_found"));

        // members
        cases.add(new Case("members: unknown role", Who.OWNER, "POST", members, json, "{\"email\": \"r@members.test\", \"role\": \"GOD\"}", 400, "invalid_request"));
        cases.add(new Case("members: operator is no tenant role", Who.OWNER, "POST", members, json, "{\"email\": \"o@members.test\", \"role\": \"OPERATOR\"}", 400, "invalid_request"));
        cases.add(new Case("members: missing e-mail", Who.OWNER, "POST", members, json, "{\"role\": \"VIEWER\"}", 400, "invalid_request"));
        cases.add(new Case("members: role of the wrong type", Who.OWNER, "POST", members, json, "{\"email\": \"t@members.test\", \"role\": 3}", 400, "invalid_request"));
        cases.add(new Case("members: change to an unknown role", Who.OWNER, "PATCH", members + "/" + memberId, json, "{\"role\": \"KING\"}", 400, "invalid_request"));
        cases.add(new Case("members: unknown member", Who.OWNER, "DELETE", members + "/01234567-89ab-7def-8123-456789abcdef", null, null, 404, "not_found"));
        cases.add(new Case("audit: limit too large", Who.OWNER, "GET", "/manage/v1/audit?limit=100000", null, null, 400, "invalid_request"));
        cases.add(new Case("audit: forged cursor", Who.OWNER, "GET", "/manage/v1/audit?cursor=bm90LWEtdXVpZA", null, null, 400, "invalid_request"));

        // invitations
        cases.add(new Case("invitations: unknown token", Who.NOBODY, "GET", "/invitations/nothing-here", null, null, 404, "not_found"));
        cases.add(new Case("invitations: accept unknown token", Who.NOBODY, "POST", "/invitations/nothing-here", json,
                "{\"password\": \"long-enough-password\"}", 404, "not_found"));
        cases.add(new Case("invitations: short password", Who.NOBODY, "POST", "/invitations/nothing-here", json, "{\"password\": \"x\"}", 400, "invalid_request"));

        // the token endpoint and the developer API
        cases.add(new Case("token: no credentials", Who.NOBODY, "POST", "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", 401, "unauthorized"));
        cases.add(new Case("token: wrong secret", Who.WRONG_SECRET, "POST", "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials", 401, "unauthorized"));
        cases.add(new Case("token: missing grant type", Who.KEY, "POST", "/oauth2/token", "application/x-www-form-urlencoded", "", 400, "invalid_request"));
        cases.add(new Case("token: unsupported grant type", Who.KEY, "POST", "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=password&username=a&password=b", 400, "invalid_request"));
        cases.add(new Case("token: unknown scope", Who.KEY, "POST", "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&scope=admin", 400, "invalid_request"));
        cases.add(new Case("token: oversized body", Who.KEY, "POST", "/oauth2/token", "application/x-www-form-urlencoded",
                "grant_type=client_credentials&pad=" + "p".repeat(70 * 1024), 413, "payload_too_large"));
        cases.add(new Case("v1: no token", Who.NOBODY, "GET", "/v1/app", null, null, 401, "unauthorized"));
        cases.add(new Case("v1: garbage token", Who.GARBAGE_TOKEN, "GET", "/v1/app", null, null, 401, "unauthorized"));
        cases.add(new Case("v1: console credentials", Who.OWNER, "GET", "/v1/app", null, null, 401, "unauthorized"));
        cases.add(new Case("v1: unknown endpoint", Who.APP_TOKEN, "GET", "/v1/nothing", null, null, 404, "not_found"));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void bad_input_gets_a_problem_with_a_stable_code_and_writes_nothing(Case bad) {
        String before = state();

        Api.Response response = client(bad.who()).raw(bad.method(), bad.path(), bad.contentType(), bad.body() == null ? "" : bad.body());

        response.assertProblem(bad.status(), bad.code());
        assertThat(state()).as("nothing was written").isEqualTo(before);
    }

    private Api.Client client(Who who) {
        return switch (who) {
            case NOBODY -> api().anonymous();
            case WRONG_PASSWORD -> api().basic(OPERATOR_EMAIL, "not-the-password");
            case OPERATOR -> operator();
            case OWNER -> owner.client();
            case APP_TOKEN -> api().bearer(token);
            case GARBAGE_TOKEN -> api().bearer("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl");
            case KEY -> api().basic(key.keyId(), key.secret());
            case WRONG_SECRET -> api().basic(key.keyId(), "lks_wrong");
        };
    }

    /**
     * A fingerprint of everything bad input could have written, read straight from the database
     * across tenants (times of last use are left out: a refused call may still count as a use).
     */
    private String state() {
        return platform.jdbc().sql("""
                        select concat_ws('|',
                            (select md5(coalesce(string_agg(t::text, ',' order by id), '')) from tenants t),
                            (select md5(coalesce(string_agg(a::text, ',' order by id), '')) from apps a),
                            (select md5(coalesce(string_agg(concat_ws(',', id, app_id, name, status, scopes::text, revoked_at), ';' order by id), '')) from app_keys),
                            (select md5(coalesce(string_agg(concat_ws(',', id, tenant_id, email, role, status, password_hash), ';' order by id), '')) from accounts),
                            (select count(*) from audit_log))""")
                .query(String.class)
                .single();
    }
}
