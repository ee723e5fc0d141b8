package cn.spotcheck;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** 随机抽查: the "双随机、一公开" spot-check platform of a transport bureau. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class SpotCheckApplication {

    public static void main(String[] args) {
        SpringApplication.run(SpotCheckApplication.class, args);
    }
}
