package city.ideatoservice.oparl;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import city.ideatoservice.council.AgendaItemRepository;
import city.ideatoservice.council.CouncilSessionRepository;
import city.ideatoservice.council.OfficialActRepository;
import city.ideatoservice.oparl.OparlCouncil.Entry;
import city.ideatoservice.organisation.OrganisationProperties;
import city.ideatoservice.portal.PublicIdeaPages;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The council's data as OParl 1.1, read-only and without login, for OParl clients and
 * harvesters: the entry is the System at {@code /oparl/v1.1}. Lists are paged
 * ({@code page}, {@code limit}) and filtered by {@code created_since},
 * {@code created_until}, {@code modified_since} and {@code modified_until}.
 */
@RestController
@RequestMapping(value = OparlLinks.PATH, produces = "application/json")
class OparlController {

	static final int DEFAULT_LIMIT = 20;

	static final int MAX_LIMIT = 100;

	private final CouncilSessionRepository sessions;

	private final AgendaItemRepository agenda;

	private final OfficialActRepository register;

	private final RecordTimes times;

	private final OrganisationProperties organisation;

	private final PublicIdeaPages publicPages;

	private final String cityName;

	private final String productName;

	/** The organisations come from the settings, read at start. */
	private final Instant started = Instant.now();

	OparlController(CouncilSessionRepository sessions, AgendaItemRepository agenda, OfficialActRepository register,
			RecordTimes times, OrganisationProperties organisation, PublicIdeaPages publicPages,
			@Value("${idea-to-service.oparl.body-name:City}") String cityName,
			@Value("${idea-to-service.oparl.system-name:Idea to Service}") String productName) {
		this.sessions = sessions;
		this.agenda = agenda;
		this.register = register;
		this.times = times;
		this.organisation = organisation;
		this.publicPages = publicPages;
		this.cityName = cityName;
		this.productName = productName;
	}

	private OparlCouncil council() {
		OparlCouncil.Facts facts = new OparlCouncil.Facts(cityName, productName, organisation.committees(), started,
				times.sessions(), times.agendaItems(), times.acts(), publicPages::exists);
		return new OparlCouncil(OparlLinks.ofCurrentRequest(), facts, sessions.findAll(), agenda.findAll(),
				register.findAll());
	}

	@GetMapping
	Map<String, Object> system() {
		return council().system();
	}

	@GetMapping("/body")
	Map<String, Object> bodies(Paging paging) {
		return paging.page(List.of(council().body()));
	}

	@GetMapping("/body/city")
	Map<String, Object> body() {
		return council().body().json();
	}

	@GetMapping("/body/city/organization")
	Map<String, Object> organizations(Paging paging) {
		return paging.page(council().organizations());
	}

	/** No person: the council's members are not in the application's records. */
	@GetMapping("/body/city/person")
	Map<String, Object> persons(Paging paging) {
		return paging.page(List.of());
	}

	@GetMapping("/body/city/legislativeTerm")
	Map<String, Object> legislativeTerms(Paging paging) {
		return paging.page(List.of());
	}

	@GetMapping("/body/city/meeting")
	Map<String, Object> meetings(Paging paging) {
		return paging.page(council().meetings());
	}

	@GetMapping("/body/city/agendaItem")
	Map<String, Object> agendaItems(Paging paging) {
		return paging.page(council().agendaItems());
	}

	@GetMapping("/body/city/paper")
	Map<String, Object> papers(Paging paging) {
		return paging.page(council().papers());
	}

	@GetMapping("/body/city/consultation")
	Map<String, Object> consultations(Paging paging) {
		return paging.page(council().consultations());
	}

	@GetMapping("/organization/{key}")
	Map<String, Object> organization(@PathVariable String key) {
		return found(council().organization(key), "organisation");
	}

	@GetMapping("/meeting/{id}")
	Map<String, Object> meeting(@PathVariable String id) {
		return found(number(id).flatMap(council()::meeting), "meeting");
	}

	@GetMapping("/agendaItem/{id}")
	Map<String, Object> agendaItem(@PathVariable String id) {
		return found(number(id).flatMap(council()::agendaItem), "agenda item");
	}

	@GetMapping("/paper/{key}")
	Map<String, Object> paper(@PathVariable String key) {
		return found(council().paper(key), "paper");
	}

	@GetMapping("/consultation/{key}")
	Map<String, Object> consultation(@PathVariable String key) {
		return found(council().consultation(key), "consultation");
	}

	private static Map<String, Object> found(Optional<Entry> entry, String what) {
		return entry.map(Entry::json)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no such " + what + "."));
	}

	private static Optional<Long> number(String text) {
		try {
			return Optional.of(Long.valueOf(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

	/**
	 * A list's page and filters, as OParl's query parameters: {@code page} from 1,
	 * {@code limit} objects a page, and the times.
	 */
	record Paging(String page, String limit, String created_since, String created_until, String modified_since,
			String modified_until) {

		Map<String, Object> page(List<Entry> all) {
			int size = whole("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
			int current = whole("page", page, 1, 1, Integer.MAX_VALUE);
			Instant createdSince = time("created_since", created_since);
			Instant createdUntil = time("created_until", created_until);
			Instant modifiedSince = time("modified_since", modified_since);
			Instant modifiedUntil = time("modified_until", modified_until);
			List<Entry> matching = all.stream()
				.filter(e -> createdSince == null || !e.created().isBefore(createdSince))
				.filter(e -> createdUntil == null || !e.created().isAfter(createdUntil))
				.filter(e -> modifiedSince == null || !e.modified().isBefore(modifiedSince))
				.filter(e -> modifiedUntil == null || !e.modified().isAfter(modifiedUntil))
				.toList();
			int pages = Math.max(1, (matching.size() + size - 1) / size);
			int from = (int) Math.min((long) (current - 1) * size, matching.size());
			List<Map<String, Object>> data = matching.subList(from, Math.min(from + size, matching.size()))
				.stream()
				.map(Entry::json)
				.toList();
			Map<String, Object> pagination = new LinkedHashMap<>();
			pagination.put("totalElements", matching.size());
			pagination.put("elementsPerPage", size);
			pagination.put("currentPage", current);
			pagination.put("totalPages", pages);
			Function<Integer, String> pageUrl = n -> ServletUriComponentsBuilder.fromCurrentRequest()
				.replaceQueryParam("page", n)
				.build()
				.toUriString();
			Map<String, Object> links = new LinkedHashMap<>();
			links.put("first", pageUrl.apply(1));
			if (current > 1) {
				links.put("prev", pageUrl.apply(Math.min(current - 1, pages)));
			}
			if (current < pages) {
				links.put("next", pageUrl.apply(current + 1));
			}
			links.put("last", pageUrl.apply(pages));
			Map<String, Object> list = new LinkedHashMap<>();
			list.put("data", data);
			list.put("pagination", pagination);
			list.put("links", links);
			return list;
		}

		private static int whole(String name, String text, int otherwise, int min, int max) {
			if (text == null || text.isBlank()) {
				return otherwise;
			}
			try {
				int value = Integer.parseInt(text.strip());
				if (value >= min && value <= max) {
					return value;
				}
			}
			catch (NumberFormatException ex) {
				// answered below
			}
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, name + ": give a whole number from " + min
					+ (max == Integer.MAX_VALUE ? " on." : " to " + max + "."));
		}

		private static Instant time(String name, String text) {
			if (text == null || text.isBlank()) {
				return null;
			}
			try {
				return OffsetDateTime.parse(text.strip()).toInstant();
			}
			catch (DateTimeParseException ex) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
						name + ": give a date and time with its offset, e.g. 2026-12-01T00:00:00+01:00.");
			}
		}

	}

}
