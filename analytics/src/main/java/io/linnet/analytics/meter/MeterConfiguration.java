package io.linnet.analytics.meter;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;

@Configuration(proxyBeanMethods = false)
class MeterConfiguration {

    @Bean
    Meter meter() {
        return new Meter(Clock.systemUTC());
    }
}
