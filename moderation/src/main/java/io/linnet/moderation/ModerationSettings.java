package io.linnet.moderation;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings of moderation, bound to {@code linnet.moderation.*}.
 *
 * @param allowInsecureHooks accept pre-send hook URLs over plain http (for local development and
 *                           tests); production hooks must use https
 * @param stateMaxAge        how long a node keeps an app's compiled rules, hook and restrictions before
 *                           reading them again even without a change notice (a safety net: changes
 *                           are announced to every node through Redis at once)
 * @param contextMessages    how many messages before and after a reviewed message the queue shows
 */
@ConfigurationProperties("linnet.moderation")
public record ModerationSettings(
        @DefaultValue("false") boolean allowInsecureHooks,
        @DefaultValue("PT5M") Duration stateMaxAge,
        @DefaultValue("5") int contextMessages) {
}
