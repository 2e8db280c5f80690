package io.linnet.server.embedded;

import io.linnet.server.LinnetSettings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The data directory is locked before anything of embedded mode starts, and let go of after all of it stopped. */
@Configuration(proxyBeanMethods = false)
class DataDirectoryConfiguration {

    @Bean(destroyMethod = "close")
    DataDirectory dataDirectory(LinnetSettings settings) {
        return DataDirectory.open(settings);
    }
}
