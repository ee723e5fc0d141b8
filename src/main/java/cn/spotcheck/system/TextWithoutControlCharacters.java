package cn.spotcheck.system;

import java.io.IOException;

import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;

/** JSON bodies: a string with control characters is refused (400 naming the field) instead of failing in the database. */
@Configuration(proxyBeanMethods = false)
class TextWithoutControlCharacters {

    @Bean
    Jackson2ObjectMapperBuilderCustomizer refuseControlCharacters() {
        return builder -> builder.deserializerByType(String.class, new StringDeserializer() {
            @Override
            public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                String value = super.deserialize(p, ctxt);
                if (ControlCharacters.present(value)) {
                    String field = p.currentName() == null ? "（未知字段）" : p.currentName();
                    throw new ControlCharacterInText(p, ControlCharacters.message(field), field);
                }
                return value;
            }
        });
    }

    /** Carries the field to the API's error handler. */
    static final class ControlCharacterInText extends JsonMappingException {
        final String field;

        ControlCharacterInText(JsonParser p, String message, String field) {
            super(p, message);
            this.field = field;
        }
    }
}
