package io.linnet.server.security;

import io.linnet.server.web.Problems;
import io.linnet.tenancy.ErrorCode;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

import java.util.Map;

/** The security layer's refusals, as problem+json like every other error. */
final class ProblemResponses {

    private ProblemResponses() {
    }

    /** 401 with the challenge that tells the client which credentials this API takes. */
    static AuthenticationEntryPoint unauthorized(String challenge, String detail) {
        return (request, response, e) -> Problems.write(response, Problems.of(ErrorCode.UNAUTHORIZED,
                e instanceof OAuth2AuthenticationException oauth && oauth.getError().getDescription() != null
                        ? oauth.getError().getDescription() : detail), Map.of("WWW-Authenticate", challenge));
    }

    static AccessDeniedHandler forbidden(String detail) {
        return (request, response, e) -> Problems.write(response, Problems.of(ErrorCode.FORBIDDEN, detail), Map.of());
    }

    /**
     * Errors of the token endpoint: problem+json that also carries the OAuth2 {@code error} and
     * {@code error_description} members, so OAuth2 client libraries understand them too.
     */
    static AuthenticationFailureHandler tokenEndpointError() {
        return (request, response, e) -> {
            OAuth2Error error = e instanceof OAuth2AuthenticationException oauth
                    ? oauth.getError() : new OAuth2Error("invalid_request", e.getMessage(), null);
            boolean badClient = "invalid_client".equals(error.getErrorCode());
            ErrorCode code = badClient ? ErrorCode.UNAUTHORIZED : ErrorCode.INVALID_REQUEST;
            // one answer for every failed client authentication, whichever part was wrong
            String detail = badClient || error.getDescription() == null ? describe(error.getErrorCode()) : error.getDescription();
            ProblemDetail problem = Problems.of(code, detail);
            problem.setProperty("error", error.getErrorCode());
            problem.setProperty("error_description", detail);
            Problems.write(response, problem, badClient ? Map.of("WWW-Authenticate", "Basic realm=\"linnet\"") : Map.of());
        };
    }

    private static String describe(String oauthError) {
        return switch (oauthError) {
            case "invalid_client" -> UniformClientAuthentication.DESCRIPTION;
            case "unsupported_grant_type" -> "grant_type must be client_credentials";
            case "invalid_scope" -> "The requested scope is not granted to this app key";
            default -> "The token request is not valid (" + oauthError + ")";
        };
    }
}
