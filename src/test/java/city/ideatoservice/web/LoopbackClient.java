package city.ideatoservice.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.0 from a chosen loopback address (127.0.0.2, 127.0.0.3, ...): a test can be
 * several clients at different addresses, as the server's {@code request.getRemoteAddr()}
 * sees them, without trusting any forwarded header.
 */
public final class LoopbackClient {

	private final int port;

	private final String address;

	public LoopbackClient(int port, String address) {
		this.port = port;
		this.address = address;
	}

	public record Response(int status, Map<String, List<String>> headers, String body) {

		public String header(String name) {
			List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
			return values == null ? null : values.get(0);
		}

		public List<String> headers(String name) {
			return headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of());
		}

	}

	public Response get(String path, String... headers) throws IOException {
		return send("GET", path, (byte[]) null, headers);
	}

	public Response post(String path, String body, String... headers) throws IOException {
		return send("POST", path, body, headers);
	}

	/** Headers as name, value, name, value... */
	public Response send(String method, String path, String body, String... headers) throws IOException {
		return send(method, path, body == null ? null : body.getBytes(StandardCharsets.UTF_8), headers);
	}

	/** The body as bytes, in any encoding or none. */
	public Response send(String method, String path, byte[] body, String... headers) throws IOException {
		try (Socket socket = new Socket()) {
			socket.bind(new InetSocketAddress(address, 0));
			socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
			socket.setSoTimeout(60_000);
			byte[] content = body == null ? new byte[0] : body;
			StringBuilder request = new StringBuilder(
					method + " " + path + " HTTP/1.0\r\nHost: localhost:" + port + "\r\n");
			for (int i = 0; i < headers.length; i += 2) {
				request.append(headers[i]).append(": ").append(headers[i + 1]).append("\r\n");
			}
			if (body != null) {
				request.append("Content-Length: ").append(content.length).append("\r\n");
			}
			request.append("\r\n");
			OutputStream out = socket.getOutputStream();
			out.write(request.toString().getBytes(StandardCharsets.UTF_8));
			out.write(content);
			out.flush();
			InputStream in = socket.getInputStream();
			return parse(in.readAllBytes());
		}
	}

	private static Response parse(byte[] raw) {
		String text = new String(raw, StandardCharsets.UTF_8);
		int end = text.indexOf("\r\n\r\n");
		if (end < 0) {
			// the server closed the connection without an answer
			return new Response(0, Map.of(), text);
		}
		String[] lines = text.substring(0, end).split("\r\n");
		int status = Integer.parseInt(lines[0].split(" ")[1]);
		Map<String, List<String>> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			headers
				.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						name -> new ArrayList<>())
				.add(lines[i].substring(colon + 1).trim());
		}
		return new Response(status, headers, text.substring(end + 4));
	}

}
