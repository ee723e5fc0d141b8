package cn.spotcheck.calendar;

import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

/** Moments in the API read as Beijing time with their offset, e.g. {@code 2026-11-24T19:39:21.003+08:00}. */
@Configuration(proxyBeanMethods = false)
class BeijingTimeJson {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer beijingInstants() {
        return builder -> builder.serializerByType(Instant.class, new StdSerializer<>(Instant.class) {
            @Override
            public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeString(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value.atZone(BureauTime.ZONE)));
            }
        });
    }
}
