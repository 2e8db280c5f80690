package io.linnet.server.web;

import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.LimitExceeded;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * RFC 9457 problem details, the one error shape of every Linnet API: a stable machine {@code code}
 * beside the status, a title and a human {@code detail}.
 */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(HttpStatusCode.valueOf(code.status()), code.wireName(), detail);
    }

    public static ProblemDetail of(HttpStatusCode status, String code, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setProperty("code", code);
        return problem;
    }

    /** A refusal for the tenant's plan, with {@code retryAfterMs} and, for a quota, {@code resetsAt}. */
    public static ProblemDetail limited(LimitExceeded refused) {
        ProblemDetail problem = of(refused.code(), refused.getMessage());
        problem.setProperty("retryAfterMs", refused.retryAfter().toMillis());
        refused.resetsAt().ifPresent(at -> problem.setProperty("resetsAt", at.toString()));
        return problem;
    }

    /** Writes a problem straight to the response, for filters that answer before any controller runs. */
    public static void write(HttpServletResponse response, ProblemDetail problem, Map<String, String> headers)
            throws IOException {
        response.setStatus(problem.getStatus());
        headers.forEach(response::setHeader);
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), body(problem));
    }

    static Map<String, Object> body(ProblemDetail problem) {
        var body = new LinkedHashMap<String, Object>();
        body.put("type", problem.getType() == null ? "about:blank" : problem.getType().toString());
        String title = problem.getTitle();
        if (title == null) {
            HttpStatus status = HttpStatus.resolve(problem.getStatus());
            title = status == null ? "Error" : status.getReasonPhrase();
        }
        body.put("title", title);
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        if (problem.getInstance() != null) {
            body.put("instance", problem.getInstance().toString());
        }
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        return body;
    }
}
