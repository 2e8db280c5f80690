package io.linnet.server.security;

import io.linnet.server.support.Api;
import io.linnet.server.support.ServerIT;
import io.linnet.tenancy.database.PlatformDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fuzzer: every operation of the published OpenAPI document, called with the right credentials
 * on a tenant of its own, with bad inputs generated per path parameter, query parameter and body
 * field (wrong types, huge and odd-Unicode strings with NUL and lone surrogates, deep nesting, huge
 * numbers, forged ids and cursors, broken and mistyped bodies). None may answer a 5xx or a stack
 * trace, every 4xx is a problem+json with a code, and no planted marker ({@code zz-fuzz-<n>}, in
 * every generated string) may reach a log line. Seeded and sampled, so a run is repeatable and
 * bounded.
 */
class ApiFuzzIT extends ServerIT {

    @Autowired
    PlatformDatabase platform;

    private static final long SEED = 20261205L;
    /** Bad values tried per parameter or field, drawn from the longer lists below. */
    private static final int PER_INPUT = 3;
    private static final Pattern STACK_TRACE = Pattern.compile(
            "\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\b(java|javax|jakarta|org\\.springframework|tools\\.jackson|org\\.postgresql)\\.[\\w.$]*(Exception|Error)\\b");

    private final BadInputs bad = new BadInputs(SEED, PER_INPUT);
    private final List<String> findings = new ArrayList<>();
    private int calls;
    private final Map<String, Integer> callsByInput = new TreeMap<>();
    private int serverErrors;

    @Test
    void bad_input_to_any_operation_is_a_problem_never_a_server_error_a_stack_trace_or_a_log_line() {
        ApiOperations operations = ApiOperations.published(api());
        TenantWorld world = new TenantWorld(api(), fixtures(), "Fuzz World", platform);
        SampleBodies samples = new SampleBodies(operations);
        try (CapturedLogs logs = CapturedLogs.attach()) {
            for (ApiOperations.Operation operation : operations.all()) {
                bad.plantingIn(operation.name());
                fuzz(operation, world, samples.body(operation, world));
            }
            bad.planted().forEach((marker, where) -> logs.containing(marker).forEach(line ->
                    findings.add(where + ": the input reached a log line: " + line.lines().findFirst().orElse(""))));
            Map<String, Object> figures = new LinkedHashMap<>();
            figures.put("operations", operations.all().size());
            figures.put("calls", calls);
            figures.put("callsByInput", callsByInput);
            figures.put("markers", bad.planted().size());
            figures.put("serverErrors", serverErrors);
            figures.put("logLinesCaptured", logs.size());
            figures.put("seed", SEED);
            SecurityFigures.record("ApiFuzzIT", figures, findings);
        }
        assertThat(findings).as("bad inputs that got a 5xx, a stack trace, no problem+json or into a log").isEmpty();
    }

    private void fuzz(ApiOperations.Operation operation, TenantWorld world, Object sample) {
        Api.Client client = switch (operation.path().split("/")[1]) {
            case "v1" -> world.app;
            case "manage" -> world.owner.client();
            case "ops" -> operator();
            default -> api().anonymous();
        };
        String validPath = world.path(operation);
        for (String parameter : operation.pathParameters()) {
            for (String value : bad.sampled(badIds())) {
                String path = operation.path();
                for (String other : operation.pathParameters()) {
                    path = path.replace("{" + other + "}", other.equals(parameter) ? value : world.idFor(operation, other));
                }
                check(operation, "path " + parameter + "=" + shown(value), Requests.send(client, operation.method(), path, operation.bodyContentType(), sample));
            }
        }
        for (String parameter : operation.queryParameters()) {
            for (String value : bad.sampled(badQueryValues(operation.parameterType(parameter)))) {
                check(operation, "query " + parameter + "=" + shown(value), Requests.send(client, operation.method(),
                        validPath + "?" + parameter + "=" + value, operation.bodyContentType(), sample));
            }
        }
        String type = operation.bodyContentType();
        if (type == null) {
            return;
        }
        for (String[] whole : bad.sampled(badBodies(type))) {
            check(operation, "body " + whole[0] + " " + shown(whole[1]), client.raw(operation.method(), validPath, whole[0], whole[1]));
        }
        if (sample instanceof String text) {
            for (String value : bad.sampled(bad.strings())) {
                check(operation, "text body " + shown(value), client.raw(operation.method(), validPath, type, unquoted(value) + "\n" + text));
            }
            return;
        }
        JsonNode tree = Api.JSON.valueToTree(sample);
        for (List<String> field : BadInputs.fields(tree)) {
            for (String value : bad.sampled(bad.jsonValues(tree.at(BadInputs.pointer(field))))) {
                String body = BadInputs.replaced(tree, field, value);
                check(operation, "field " + String.join(".", field) + "=" + shown(value), client.raw(operation.method(), validPath, type, body));
            }
        }
    }

    private void check(ApiOperations.Operation operation, String input, Api.Response response) {
        calls++;
        callsByInput.merge(input.substring(0, input.indexOf(' ')), 1, Integer::sum);
        String where = operation.name() + " (" + input + ")";
        String body = response.body() == null ? "" : response.body();
        if (response.status() >= 500) {
            serverErrors++;
            findings.add(where + ": " + AuthorizationMatrixIT.abbreviated(response));
        } else if (response.status() >= 400 && (response.contentType() == null
                || !response.contentType().startsWith("application/problem+json") || isBlank(response.code()))) {
            findings.add(where + ": a " + response.status() + " that is no problem+json with a code: "
                    + AuthorizationMatrixIT.abbreviated(response));
        }
        if (STACK_TRACE.matcher(body).find()) {
            findings.add(where + ": a stack trace or exception class in the answer: " + AuthorizationMatrixIT.abbreviated(response));
        }
    }

    private static boolean isBlank(String code) {
        return code == null || code.isBlank();
    }

    /** Path ids, already URL-encoded: malformed, forged, huge, NUL, a lone surrogate, traversal. */
    private List<String> badIds() {
        return List.of(
                bad.marker("a malformed id") + "not-an-id",
                UUID.randomUUID().toString(),
                bad.marker("a NUL in an id") + "%00nul",
                bad.marker("a lone surrogate in an id") + "%ED%A0%80",
                bad.marker("a huge id") + "x".repeat(4000),
                "..%2F..%2F" + bad.marker("a traversal id"),
                "%F0%9F%98%80" + bad.marker("an emoji id"),
                "-1",
                "99999999999999999999999999");
    }

    /** Query values, already URL-encoded, for a parameter of {@code type}. */
    private List<String> badQueryValues(String type) {
        String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("{\"seq\":-1,\"id\":\"" + bad.marker("a forged cursor") + "\",\"x\":1e999}").getBytes(StandardCharsets.UTF_8));
        return List.of(
                "-1", "0", "99999999999999999999999999", "1e309", "NaN", "true",
                URLEncoder.encode(bad.marker("a query value"), StandardCharsets.UTF_8),
                bad.marker("a NUL in a query") + "%00",
                bad.marker("a lone surrogate in a query") + "%ED%A0%80",
                bad.marker("a huge query value") + "y".repeat(6000),
                cursor,
                "%FF%FE" + bad.marker("invalid UTF-8 in a query"),
                type.equals("string") ? "" : URLEncoder.encode(bad.marker("a mistyped query value") + " " + type, StandardCharsets.UTF_8));
    }

    /** Whole bodies: {content type, body}. */
    private List<String[]> badBodies(String type) {
        return List.of(
                new String[]{type, ""},
                new String[]{"application/json", "null"},
                new String[]{"application/json", "[]"},
                new String[]{"application/json", "{\"" + bad.marker("an unclosed body") + "\":"},
                new String[]{"application/json", "[".repeat(5000) + "]".repeat(5000)},
                new String[]{"application/json", "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)},
                new String[]{"application/json", "\"" + bad.marker("a string body") + "\""},
                new String[]{"application/xml", "<" + bad.marker("an xml body").replace("-", "") + "/>"},
                new String[]{"text/plain", bad.marker("a text body")});
    }

    /** A bad value as a finding names it: its start, and its length when it is long. */
    private static String shown(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...(" + value.length() + " chars)";
    }

    private static String unquoted(String literal) {
        return Api.JSON.readTree(literal).isString() ? Api.JSON.readTree(literal).asString() : literal;
    }
}
