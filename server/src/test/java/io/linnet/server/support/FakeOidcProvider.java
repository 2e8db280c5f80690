package io.linnet.server.support;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;

/**
 * A small OpenID Connect provider for the console's single sign-on tests: discovery, keys, the
 * authorization endpoint (which signs in whoever the test chose, without a page) and the token
 * endpoint, which checks the client's credentials, the code and the redirect address, and issues
 * an RS256-signed ID token carrying the nonce it was given. What it refused is kept for assertions.
 */
public final class FakeOidcProvider {

    public static final String CLIENT_ID = "linnet-console";
    public static final String CLIENT_SECRET = "fake-provider-secret";

    private record Grant(String nonce, String redirectUri, String email, boolean verified) {
    }

    private final HttpServer server;
    private final RSAKey key;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private volatile String nextEmail = "nobody@fake-idp.test";
    private volatile boolean nextVerified = true;

    public FakeOidcProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("fake-idp").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/.well-known/openid-configuration", this::discovery);
        server.createContext("/jwks", exchange -> send(exchange, 200, new JWKSet(key.toPublicJWK()).toString()));
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** Whom the next sign-in at this provider vouches for. */
    public void signInNextAs(String email, boolean emailVerified) {
        this.nextEmail = email;
        this.nextVerified = emailVerified;
    }

    /** Requests this provider refused as malformed; empty when the console spoke the protocol right. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    private void discovery(HttpExchange exchange) throws IOException {
        String issuer = issuer();
        send(exchange, 200, """
                {"issuer":"%1$s","authorization_endpoint":"%1$s/authorize","token_endpoint":"%1$s/token",
                 "jwks_uri":"%1$s/jwks","response_types_supported":["code"],"subject_types_supported":["public"],
                 "id_token_signing_alg_values_supported":["RS256"],"scopes_supported":["openid","email","profile"],
                 "token_endpoint_auth_methods_supported":["client_secret_basic"]}""".formatted(issuer));
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> query = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(query.get("client_id")) || !"code".equals(query.get("response_type"))
                || !Arrays.asList(query.getOrDefault("scope", "").split(" ")).contains("openid")
                || query.get("nonce") == null || query.get("state") == null || query.get("redirect_uri") == null) {
            refuse(exchange, "authorize: " + query);
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(query.get("nonce"), query.get("redirect_uri"), nextEmail, nextVerified));
        exchange.getResponseHeaders().add("Location", query.get("redirect_uri") + "?code=" + code
                + "&state=" + java.net.URLEncoder.encode(query.get("state"), StandardCharsets.UTF_8));
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String expected = "Basic " + Base64.getEncoder().encodeToString(
                (CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8));
        Map<String, String> body = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(body.getOrDefault("code", ""));
        if (!"POST".equals(exchange.getRequestMethod()) || !expected.equals(exchange.getRequestHeaders().getFirst("Authorization"))
                || !"authorization_code".equals(body.get("grant_type")) || grant == null
                || !grant.redirectUri().equals(body.get("redirect_uri"))) {
            refuse(exchange, "token: " + body.keySet());
            return;
        }
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer())
                .subject("fake-" + grant.email())
                .audience(CLIENT_ID)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .claim("nonce", grant.nonce())
                .claim("email", grant.email())
                .claim("email_verified", grant.verified())
                .build();
        SignedJWT idToken = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        try {
            idToken.sign(new RSASSASigner(key));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        send(exchange, 200, """
                {"access_token":"%s","token_type":"Bearer","expires_in":300,"scope":"openid email profile","id_token":"%s"}"""
                .formatted(UUID.randomUUID(), idToken.serialize()));
    }

    private void refuse(HttpExchange exchange, String what) throws IOException {
        refusals.add(what);
        send(exchange, 400, "{\"error\":\"invalid_request\"}");
    }

    private static Map<String, String> form(String raw) {
        if (raw == null || raw.isBlank()) {
            return Map.of();
        }
        return Arrays.stream(raw.split("&"))
                .map(pair -> pair.split("=", 2))
                .collect(Collectors.toMap(p -> URLDecoder.decode(p[0], StandardCharsets.UTF_8),
                        p -> p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "", (a, b) -> b));
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }
}
