package city.ideatoservice.form;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A Camunda Form as Modeler saves it: its id and the schema of its components. */
public record CamundaForm(String id, JsonNode schema) {

	private static final ObjectMapper JSON = new ObjectMapper();

	public static CamundaForm read(InputStream form) {
		try (form) {
			JsonNode schema = JSON.readTree(form);
			return new CamundaForm(schema.path("id").asText(), schema);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read a form", ex);
		}
	}

	/**
	 * The option lists the form takes from variables ({@code valuesKey}), e.g.
	 * departmentOptions.
	 */
	public java.util.Set<String> valuesKeys() {
		return java.util.Set.copyOf(schema.findValuesAsText("valuesKey"));
	}

	JsonNode components() {
		return schema.path("components");
	}

}
