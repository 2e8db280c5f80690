package io.linnet.console;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.context.annotation.Configuration;

/**
 * Makes Vaadin find the console's routes. By default it scans only the package of the
 * {@code @SpringBootApplication} class ({@code io.linnet.server}), which would miss this module's
 * views; {@code io.linnet} covers both.
 */
@Configuration(proxyBeanMethods = false)
@EnableVaadin("io.linnet")
class ConsoleConfiguration {
}
