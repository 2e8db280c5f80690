package io.linnet.server.security;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppCaller;
import io.linnet.tenancy.DomainException;
import io.linnet.tenancy.ErrorCode;
import io.linnet.tenancy.account.ConsoleUser;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.MethodParameter;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Lets a controller name who is calling as a parameter: {@link Actor.Member} or
 * {@link Actor.Operator} for console accounts, {@link AppCaller} for app-key tokens. They come from
 * the authenticated principal only, never from ids in the request.
 */
@Component
public class CallerArguments implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        Class<?> type = parameter.getParameterType();
        return type == Actor.Member.class || type == Actor.Operator.class || type == AppCaller.class;
    }

    @Override
    public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest webRequest,
                                  WebDataBinderFactory binderFactory) {
        // the request's principal is the filter chain's own authentication (not a static holder)
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        Authentication authentication = request != null && request.getUserPrincipal() instanceof Authentication a ? a : null;
        Class<?> type = parameter.getParameterType();
        if (authentication == null) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "Authentication is required");
        }
        if (type == AppCaller.class) {
            if (authentication.getPrincipal() instanceof AppCaller caller) {
                return caller;
            }
            throw new DomainException(ErrorCode.UNAUTHORIZED, "This API takes an app key's access token");
        }
        if (!(authentication.getPrincipal() instanceof ConsoleUser user)) {
            throw new DomainException(ErrorCode.UNAUTHORIZED, "This API takes a console account");
        }
        Actor actor = user.toActor(request.getRemoteAddr());
        if (!type.isInstance(actor)) {
            throw DomainException.forbidden(type == Actor.Member.class
                    ? "Platform operators belong to no tenant; use /ops/v1"
                    : "Only platform operators may do this");
        }
        return actor;
    }
}
