package city.ideatoservice.portal;

import java.util.List;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The portal reads what citizens' clients send strictly: a field twice, a field it does
 * not know, a number for a theme or reach ({@code "theme": 0} or {@code "0"}), a number
 * or boolean for a text, or anything after the JSON object is a 400 (see
 * {@link ApiErrors}), never a guess. Only for the portal's request types: the rest of the
 * application keeps Spring Boot's ObjectMapper, and Camunda's REST API and webapps have
 * their own (Jersey's JacksonConfigurator), which this does not touch.
 */
@Configuration(proxyBeanMethods = false)
class PortalJson implements WebMvcConfigurer {

	static final List<Class<?>> REQUEST_TYPES = List.of(IdeaSubmissionRequest.class,
			IdeaApiController.AnswerRequest.class);

	private final ObjectMapper strict;

	PortalJson(Jackson2ObjectMapperBuilder builder) {
		this.strict = builder
			.featuresToEnable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES,
					DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
					StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature())
			.build();
		this.strict.coercionConfigFor(LogicalType.Textual)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
		this.strict.coercionConfigFor(LogicalType.Enum)
			.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
			.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
	}

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		for (HttpMessageConverter<?> converter : converters) {
			if (converter instanceof MappingJackson2HttpMessageConverter json) {
				REQUEST_TYPES.forEach(type -> json.registerObjectMappersForType(type,
						mappers -> mappers.put(MediaType.APPLICATION_JSON, this.strict)));
			}
		}
	}

}
