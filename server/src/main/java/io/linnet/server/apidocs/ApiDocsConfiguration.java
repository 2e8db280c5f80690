package io.linnet.server.apidocs;

import io.linnet.tenancy.Actor;
import io.linnet.tenancy.AppCaller;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document at {@code /v3/api-docs}: each path says which credentials it takes, and the
 * caller parameters the server fills from the credentials are not shown as inputs.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocsConfiguration {

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Actor.Member.class, Actor.Operator.class, AppCaller.class);
    }

    @Bean
    OpenAPI linnetApi() {
        return new OpenAPI()
                .info(new Info().title("Linnet API").version("v1").description("""
                        Developer API (/v1, app-key access tokens from /oauth2/token), management API \
                        (/manage/v1, tenant members) and operator API (/ops/v1, platform operators). \
                        Errors are application/problem+json with a stable `code`."""))
                .components(new Components()
                        .addSecuritySchemes("appKeyToken", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token from POST /oauth2/token (client_credentials with the app key)"))
                        .addSecuritySchemes("consoleAccount", new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("basic").description("A console account's e-mail and password")));
    }

    @Bean
    OpenApiCustomizer securityPerPath() {
        return api -> api.getPaths().forEach((path, item) -> item.readOperations().forEach(operation -> {
            if (path.startsWith("/v1/")) {
                require(operation, "appKeyToken");
            } else if (path.startsWith("/manage/") || path.startsWith("/ops/")) {
                require(operation, "consoleAccount");
            }
        }));
    }

    private static void require(Operation operation, String scheme) {
        operation.addSecurityItem(new SecurityRequirement().addList(scheme));
    }
}
