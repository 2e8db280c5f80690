package io.linnet.server;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication(scanBasePackages = "io.linnet")
@ConfigurationPropertiesScan("io.linnet")
public class LinnetApplication {

    public static void main(String[] args) {
        SpringApplication.run(LinnetApplication.class, args);
    }
}
