package io.linnet.tenancy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of the tenancy kernel, bound to {@code linnet.tenancy.*}.
 *
 * @param accessTokenTtl how long an app key's access token lives
 */
@ConfigurationProperties("linnet.tenancy")
public record TenancySettings(@DefaultValue("PT1H") Duration accessTokenTtl) {
}
