package city.ideatoservice.oparl;

import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The URLs of the OParl objects, absolute and built from the request's base URL (with
 * {@code server.forward-headers-strategy} set, the proxy's scheme and host): OParl ids
 * are the URLs a client fetches them from.
 */
class OparlLinks {

	static final String PATH = "/oparl/v1.1";

	private final String root;

	private final String base;

	OparlLinks(String root) {
		this.root = root;
		this.base = root + PATH;
	}

	static OparlLinks ofCurrentRequest() {
		return new OparlLinks(ServletUriComponentsBuilder.fromCurrentContextPath().build().toUriString());
	}

	String system() {
		return base;
	}

	/** The system's lists (the bodies). */
	String list(String name) {
		return base + "/" + name;
	}

	String body() {
		return base + "/body/city";
	}

	String bodyList(String name) {
		return body() + "/" + name;
	}

	String organization(String key) {
		return object("organization", key);
	}

	String object(String kind, String key) {
		return base + "/" + kind + "/" + key;
	}

	/** A page of the portal. */
	String portal(String path) {
		return root + path;
	}

}
