package io.linnet.server.security;

import io.linnet.server.support.ServerIT;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's sign-in form takes a post only with the CSRF token of its own page; its pages carry
 * a Content-Security-Policy that forbids framing, and the session cookie is {@code SameSite=Lax}.
 * (That the real form still signs in, in Chromium, is {@code ConsoleBrowserIT}'s job.)
 */
class ConsoleWebSecurityIT extends ServerIT {

    private static final Pattern META = Pattern.compile("<meta name=\"(_csrf(?:_parameter)?)\" content=\"([^\"]*)\"");

    @Test
    void a_cross_site_sign_in_post_without_the_csrf_token_signs_nobody_in() throws Exception {
        Browser attacker = new Browser();

        HttpResponse<String> post = attacker.postForm("/login", Map.of("username", OPERATOR_EMAIL, "password", OPERATOR_PASSWORD));

        assertThat(post.statusCode()).as(post.headers().map().toString()).isEqualTo(403);
        assertThat(attacker.isSignedIn()).isFalse();
    }

    @Test
    void a_sign_in_post_with_the_token_from_the_sign_in_page_signs_in() throws Exception {
        Browser person = new Browser();
        HttpResponse<String> page = person.get("/login");
        Map<String, String> meta = META.matcher(page.body()).results()
                .collect(Collectors.toMap(m -> m.group(1), m -> m.group(2), (a, b) -> a));
        assertThat(meta).as("the page hands its form the token").containsKeys("_csrf", "_csrf_parameter");

        HttpResponse<String> post = person.postForm("/login", Map.of("username", OPERATOR_EMAIL,
                "password", OPERATOR_PASSWORD, meta.get("_csrf_parameter"), meta.get("_csrf")));

        assertThat(post.statusCode()).isEqualTo(302);
        assertThat(post.headers().firstValue("Location").orElseThrow()).doesNotContain("error").doesNotContain("login");
        assertThat(person.isSignedIn()).isTrue();
    }

    @Test
    void console_pages_carry_a_content_security_policy_that_forbids_framing() throws Exception {
        HttpResponse<String> page = new Browser().get("/login");

        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow(() -> new AssertionError(page.statusCode() + " " + page.headers().map()));
        assertThat(policy).contains("frame-ancestors 'none'", "default-src 'self'", "object-src 'none'", "form-action 'self'");
        assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only() throws Exception {
        HttpResponse<String> page = new Browser().get("/login");

        String cookie = page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertThat(cookie).containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly");
        assertThat(cookie).as("plain http without an https public URL").doesNotContainIgnoringCase("Secure");
    }

    /** A client that keeps cookies and does not follow redirects, like one browser profile. */
    private final class Browser {

        private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> postForm(String path, Map<String, String> fields) throws IOException, InterruptedException {
            String body = fields.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return http.send(HttpRequest.newBuilder(uri(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        }

        /** A signed-in session opens the console's root; anyone else is sent to the sign-in page. */
        boolean isSignedIn() throws IOException, InterruptedException {
            HttpResponse<String> root = get("/");
            return root.statusCode() == 200;
        }

        private URI uri(String path) {
            return URI.create("http://localhost:" + port + path);
        }
    }
}
