package io.linnet.server.logging;

import io.linnet.tenancy.LogContext;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.MDC;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A request's id: the one offered when it is short and plain, else a new one; in the MDC while it is served, and gone after. */
class RequestIdsTest {

    private final RequestIds filter = new RequestIds();
    private final List<String> seenInside = new ArrayList<>();

    @AfterEach
    void clean() {
        MDC.clear();
    }

    @Test
    void a_plain_offered_id_is_answered_and_logged_as_it_is() throws Exception {
        MockHttpServletResponse response = serve(request("4bf92f3577b34da6-a3ce929d0e0e4736_x.1"));

        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("4bf92f3577b34da6-a3ce929d0e0e4736_x.1");
        assertThat(seenInside).containsExactly("4bf92f3577b34da6-a3ce929d0e0e4736_x.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc\r\nX-Forged: 1", "abc\ndef", "caf\u00e9", "\u0430bc", "a b", "<script>", "a;b=c", "id\u0000",
            "12345678901234567890123456789012345678901234567890123456789012345"})
    void an_offered_id_that_is_empty_too_long_or_not_plain_is_replaced_by_a_new_one(String offered) throws Exception {
        MockHttpServletResponse response = serve(request(offered));

        String answered = response.getHeader(RequestIds.HEADER);
        assertThat(answered).isNotEqualTo(offered).matches("[0-9a-f]{16}");
        assertThat(seenInside).containsExactly(answered);
    }

    @Test
    void a_request_without_one_gets_a_new_id_each_time() throws Exception {
        String first = serve(request(null)).getHeader(RequestIds.HEADER);
        String second = serve(request(null)).getHeader(RequestIds.HEADER);

        assertThat(first).matches("[0-9a-f]{16}");
        assertThat(second).matches("[0-9a-f]{16}").isNotEqualTo(first);
    }

    @Test
    void nothing_put_in_the_mdc_while_a_request_is_served_outlives_it() throws Exception {
        MockHttpServletRequest request = request("leaky");

        filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
            // a piece of the request's handling that forgets to take its ids back out
            MDC.put(LogContext.TENANT_ID, "a-tenant");
            MDC.put(LogContext.APP_ID, "an-app");
        });

        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
    }

    @Test
    void the_error_dispatch_of_a_request_keeps_its_id() throws Exception {
        MockHttpServletRequest request = request(null);
        MockHttpServletResponse response = serve(request);

        request.setDispatcherType(DispatcherType.ERROR);
        filter.doFilter(request, response, (req, res) -> seenInside.add(MDC.get(LogContext.REQUEST_ID)));

        assertThat(seenInside).hasSize(2).containsOnly(response.getHeader(RequestIds.HEADER));
    }

    @Test
    void a_response_reset_to_answer_something_else_still_carries_the_id() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request("before-reset"), response, (req, res) -> {
            res.reset();
            ((HttpServletResponse) res).setStatus(503);
        });

        assertThat(response.getHeader(RequestIds.HEADER)).isEqualTo("before-reset");
    }

    private MockHttpServletResponse serve(MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, (req, res) -> seenInside.add(MDC.get(LogContext.REQUEST_ID)));
        assertThat(MDC.getCopyOfContextMap()).isNullOrEmpty();
        return response;
    }

    private static MockHttpServletRequest request(String offeredId) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/v1/users");
        if (offeredId != null) {
            request.addHeader(RequestIds.HEADER, offeredId);
        }
        return request;
    }
}
