package io.linnet.server.logging;

import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.AppId;
import io.linnet.tenancy.LogContext;
import io.linnet.tenancy.TenantId;
import io.linnet.tenancy.account.ConsoleUser;
import jakarta.servlet.FilterChain;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.web.servlet.HandlerMapping;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * The filters as a request meets them: its id first, then, after authentication, its caller's tenant
 * and app. One thread serves request after request here, so whatever one request's lines carried and
 * the next one's did too would be a leak.
 */
class CallerLogContextTest {

    private static final TenantId TENANT = new TenantId(UUID.randomUUID());
    private static final AppId APP = new AppId(UUID.randomUUID());
    private static final org.slf4j.Logger HANDLER = LoggerFactory.getLogger("io.linnet.server.logging.TestHandler");

    private final RequestIds ids = new RequestIds();
    private final CallerLogContext callers = new CallerLogContext();
    private LoggedLines lines;

    @BeforeEach
    void captureLogs() {
        lines = new LoggedLines(HANDLER.getName());
    }

    @AfterEach
    void release() {
        lines.close();
        MDC.clear();
    }

    @Test
    void an_app_key_caller_names_its_tenant_and_app_next_to_the_request_id() throws Exception {
        serve(request("req-app", appCaller()));

        assertThat(handled()).singleElement().isEqualTo(Map.of(LogContext.REQUEST_ID, "req-app",
                LogContext.TENANT_ID, TENANT.toString(), LogContext.APP_ID, APP.toString()));
    }

    @Test
    void a_console_member_names_the_tenant_and_an_operator_or_anonymous_caller_nothing_but_the_request() throws Exception {
        ConsoleUser member = mock(ConsoleUser.class);
        when(member.tenantId()).thenReturn(Optional.of(TENANT));
        ConsoleUser operator = mock(ConsoleUser.class);
        when(operator.tenantId()).thenReturn(Optional.empty());

        serve(request("req-member", UsernamePasswordAuthenticationToken.authenticated(member, null, List.of())));
        serve(request("req-operator", UsernamePasswordAuthenticationToken.authenticated(operator, null, List.of())));
        serve(request("req-anonymous", null));

        assertThat(handled()).containsExactly(
                Map.of(LogContext.REQUEST_ID, "req-member", LogContext.TENANT_ID, TENANT.toString()),
                Map.of(LogContext.REQUEST_ID, "req-operator"),
                Map.of(LogContext.REQUEST_ID, "req-anonymous"));
    }

    @Test
    void the_next_request_on_the_same_thread_carries_nothing_of_the_one_before() throws Exception {
        serve(request("first", appCaller()));
        serve(request(null, null));

        List<Map<String, String>> handled = handled();
        assertThat(handled).hasSize(2);
        assertThat(handled.getLast()).containsOnlyKeys(LogContext.REQUEST_ID);
        assertThat(handled.getLast().get(LogContext.REQUEST_ID)).isNotEqualTo("first");
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void at_debug_a_request_ends_with_a_line_naming_its_route_not_its_path() throws Exception {
        try (LoggedLines debug = new LoggedLines(CallerLogContext.class.getName())) {
            serve(request("req-debug", appCaller()));

            assertThat(debug.of(CallerLogContext.class.getName())).singleElement()
                    .satisfies(line -> {
                        assertThat(line.message()).matches("GET /v1/users/\\{userId} answered 200 in \\d+ ms");
                        assertThat(line.mdc()).containsEntry(LogContext.REQUEST_ID, "req-debug")
                                .containsEntry(LogContext.APP_ID, APP.toString());
                    });
        }
    }

    /** The MDC of each line the handler wrote. */
    private List<Map<String, String>> handled() {
        return lines.of(HANDLER.getName()).stream().map(LoggedLines.Line::mdc).toList();
    }

    private void serve(MockHttpServletRequest request) throws Exception {
        FilterChain handler = (req, res) -> {
            req.setAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE, "/v1/users/{userId}");
            HANDLER.info("handled");
        };
        ids.doFilter(request, new MockHttpServletResponse(), (req, res) -> callers.doFilter(req, res, handler));
    }

    private static UsernamePasswordAuthenticationToken appCaller() {
        return UsernamePasswordAuthenticationToken.authenticated(new AppCaller(TENANT, APP, "key-1", Set.of()), null, List.of());
    }

    private static MockHttpServletRequest request(String requestId, Principal principal) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/users/ann@example.com");
        if (requestId != null) {
            request.addHeader(RequestIds.HEADER, requestId);
        }
        request.setUserPrincipal(principal);
        return request;
    }
}
