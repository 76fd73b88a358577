package city.ideatoservice.transparency;

import java.util.List;

/** CSV as RFC 4180 writes it: CRLF line ends, a field quoted when it needs to be. */
final class Csv {

	private final StringBuilder text = new StringBuilder();

	Csv(String... header) {
		row(List.of(header));
	}

	Csv row(List<?> fields) {
		for (int i = 0; i < fields.size(); i++) {
			if (i > 0) {
				text.append(',');
			}
			text.append(field(fields.get(i)));
		}
		text.append("\r\n");
		return this;
	}

	Csv row(Object... fields) {
		return row(java.util.Arrays.asList(fields));
	}

	private static String field(Object value) {
		if (value == null) {
			return "";
		}
		String field = value.toString();
		if (field.contains(",") || field.contains("\"") || field.contains("\n") || field.contains("\r")) {
			return '"' + field.replace("\"", "\"\"") + '"';
		}
		return field;
	}

	@Override
	public String toString() {
		return text.toString();
	}

}
