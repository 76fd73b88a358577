package city.ideatoservice.oparl;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

import city.ideatoservice.council.AgendaItem;
import city.ideatoservice.council.CouncilSession;
import city.ideatoservice.council.OfficialAct;
import city.ideatoservice.organisation.OrganisationProperties.Choice;

/**
 * The council's public record at one moment, as OParl 1.1 objects: the city (Body), the
 * council, its committees and the mayor's office (Organization), the calendar's sessions
 * (Meeting) with their agenda items, each item's draft act and the adopted acts and
 * decrees (Paper), and each draft's consultations by the council and by its committee.
 * Only public facts: titles, dates, votes, act numbers and texts of the register; no
 * person, no login, no draft text before its adoption.
 */
class OparlCouncil {

	static final String SCHEMA = "https://schema.oparl.org/1.1/";

	static final String COUNCIL = "council";

	static final String MAYORS_OFFICE = "mayors-office";

	static final String COMMITTEE = "committee-";

	/** One object with its times, for the lists' filters. */
	record Entry(Map<String, Object> json, Instant created, Instant modified) {
	}

	private final OparlLinks links;

	private final Facts facts;

	private final Map<Long, CouncilSession> sessions = new LinkedHashMap<>();

	private final Map<Long, List<AgendaItem>> agendas = new HashMap<>();

	private final Map<Long, AgendaItem> items = new LinkedHashMap<>();

	private final Map<String, OfficialAct> acts = new LinkedHashMap<>();

	/** The act an adopted agenda item became, and back. */
	private final Map<Long, OfficialAct> actOfItem = new HashMap<>();

	private final Map<String, AgendaItem> itemOfAct = new HashMap<>();

	/** What the records do not hold: names from the settings, the portal's pages. */
	record Facts(String cityName, String productName, List<Choice> committees, Instant since,
			Map<Long, RecordTimes.Times> sessionTimes, Map<Long, RecordTimes.Times> itemTimes,
			Map<String, RecordTimes.Times> actTimes, Predicate<String> hasPublicPage) {
	}

	OparlCouncil(OparlLinks links, Facts facts, List<CouncilSession> sessions, List<AgendaItem> items,
			List<OfficialAct> acts) {
		this.links = links;
		this.facts = facts;
		sessions.stream()
			.sorted(Comparator.comparing(CouncilSession::sessionDate).thenComparing(CouncilSession::id))
			.forEach(session -> this.sessions.put(session.id(), session));
		items.stream().sorted(Comparator.comparing(AgendaItem::id)).forEach(item -> {
			this.items.put(item.id(), item);
			agendas.computeIfAbsent(item.sessionId(), id -> new ArrayList<>()).add(item);
		});
		acts.stream()
			.sorted(Comparator.comparing(OfficialAct::actYear).thenComparing(OfficialAct::actSequence))
			.forEach(act -> this.acts.put(act.actNumber(), act));
		for (AgendaItem item : this.items.values()) {
			if ("ADOPTED".equals(item.decision())) {
				this.acts.values()
					.stream()
					.filter(act -> !act.isDecree() && Objects.equals(act.sessionId(), item.sessionId())
							&& act.ideaReference().equals(item.ideaReference()))
					.findFirst()
					.ifPresent(act -> {
						actOfItem.put(item.id(), act);
						itemOfAct.put(act.actNumber(), item);
					});
			}
		}
	}

	// ------------------------------------------------------------------ System, Body

	Map<String, Object> system() {
		Map<String, Object> json = object(links.system(), "System");
		json.put("oparlVersion", SCHEMA);
		json.put("body", links.list("body"));
		json.put("name", facts.productName());
		json.put("website", links.portal("/"));
		times(json, facts.since(), facts.since());
		return json;
	}

	Entry body() {
		Map<String, Object> json = object(links.body(), "Body");
		json.put("system", links.system());
		json.put("name", facts.cityName());
		json.put("website", links.portal("/"));
		for (String list : List.of("organization", "person", "meeting", "paper", "agendaItem", "consultation")) {
			json.put(list, links.bodyList(list));
		}
		// the council's terms are not in the application's records
		json.put("legislativeTerm", List.of());
		json.put("legislativeTermList", links.bodyList("legislativeTerm"));
		json.put("web", links.portal("/"));
		times(json, facts.since(), facts.since());
		return new Entry(json, facts.since(), facts.since());
	}

	// ------------------------------------------------------------------ Organization

	List<Entry> organizations() {
		List<Entry> organizations = new ArrayList<>();
		organizations.add(organization(COUNCIL).orElseThrow());
		facts.committees().forEach(c -> organizations.add(organization(COMMITTEE + c.id()).orElseThrow()));
		organizations.add(organization(MAYORS_OFFICE).orElseThrow());
		return organizations;
	}

	Optional<Entry> organization(String key) {
		String name;
		String type;
		String classification;
		boolean committee = false;
		if (COUNCIL.equals(key)) {
			name = "City council";
			type = "Gremium";
			classification = "council";
		}
		else if (MAYORS_OFFICE.equals(key)) {
			name = "Mayor's office";
			type = "Verwaltungsbereich";
			classification = "mayor's office";
		}
		else {
			Optional<Choice> choice = committee(key);
			if (choice.isEmpty()) {
				return Optional.empty();
			}
			name = choice.get().name();
			type = "Gremium";
			classification = "committee";
			committee = true;
		}
		Map<String, Object> json = object(links.organization(key), "Organization");
		json.put("body", links.body());
		json.put("name", name);
		json.put("organizationType", type);
		json.put("classification", classification);
		if (committee) {
			json.put("subOrganizationOf", links.organization(COUNCIL));
		}
		times(json, facts.since(), facts.since());
		return Optional.of(new Entry(json, facts.since(), facts.since()));
	}

	private Optional<Choice> committee(String key) {
		return facts.committees().stream().filter(c -> key.equals(COMMITTEE + c.id())).findFirst();
	}

	// ------------------------------------------------------------------ Meeting

	List<Entry> meetings() {
		return sessions.keySet().stream().map(id -> meeting(id).orElseThrow()).toList();
	}

	Optional<Entry> meeting(long id) {
		CouncilSession session = sessions.get(id);
		if (session == null) {
			return Optional.empty();
		}
		boolean council = CouncilSession.COUNCIL.equals(session.body());
		Map<String, Object> json = object(links.object("meeting", String.valueOf(id)), "Meeting");
		json.put("name", session.title() != null ? session.title() : council ? "City council" : "Committee session");
		// the calendar knows the day; the session's vote counts from its morning
		json.put("meetingState", session.sessionDate().isAfter(today()) ? "scheduled" : "held");
		json.put("cancelled", false);
		json.put("start", dateTime(session.sessionDate().atStartOfDay(ZoneId.systemDefault()).toInstant()));
		if (council) {
			json.put("organization", List.of(links.organization(COUNCIL)));
		}
		List<AgendaItem> agenda = agendas.getOrDefault(id, List.of());
		json.put("agendaItem", agenda.stream().map(item -> agendaItem(item.id()).orElseThrow().json()).toList());
		RecordTimes.Times times = facts.sessionTimes().get(id);
		// a meeting changes when an item on its agenda changes
		Instant modified = agenda.stream()
			.map(item -> itemTimes(item).modified())
			.reduce(modified(times), (a, b) -> a.isAfter(b) ? a : b);
		times(json, created(times), modified);
		return Optional.of(new Entry(json, created(times), modified));
	}

	// ------------------------------------------------------------------ AgendaItem

	List<Entry> agendaItems() {
		return items.keySet().stream().map(id -> agendaItem(id).orElseThrow()).toList();
	}

	Optional<Entry> agendaItem(long id) {
		AgendaItem item = items.get(id);
		if (item == null) {
			return Optional.empty();
		}
		List<AgendaItem> agenda = agendas.getOrDefault(item.sessionId(), List.of());
		int order = agenda.indexOf(item) + 1;
		Map<String, Object> json = object(links.object("agendaItem", String.valueOf(id)), "AgendaItem");
		json.put("meeting", links.object("meeting", String.valueOf(item.sessionId())));
		json.put("number", String.valueOf(order));
		json.put("order", order);
		json.put("name", item.title());
		json.put("public", true);
		json.put("consultation", links.object("consultation", id + "-council"));
		if (item.decision() != null) {
			json.put("result", result(item));
		}
		OfficialAct act = actOfItem.get(id);
		if (act != null && act.actText() != null) {
			json.put("resolutionText", act.actText());
		}
		RecordTimes.Times times = itemTimes(item);
		times(json, times.created(), times.modified());
		return Optional.of(new Entry(json, times.created(), times.modified()));
	}

	private static String result(AgendaItem item) {
		String votes = item.votesFor() == null ? "" : " (" + item.votesFor() + " for, " + item.votesAgainst()
				+ " against, " + item.votesAbstain() + " abstentions)";
		return switch (item.decision()) {
			case "ADOPTED" -> "adopted" + votes;
			case "REJECTED" -> "rejected" + votes;
			case "DEFERRED" -> "deferred" + votes;
			case "WITHDRAWN" -> "withdrawn";
			default -> item.decision().toLowerCase(java.util.Locale.ROOT);
		};
	}

	// ------------------------------------------------------------------ Paper

	List<Entry> papers() {
		List<Entry> papers = new ArrayList<>();
		items.keySet().forEach(id -> papers.add(paper("draft-" + id).orElseThrow()));
		acts.values().forEach(act -> papers.add(paper(actKey(act)).orElseThrow()));
		return papers;
	}

	Optional<Entry> paper(String key) {
		if (key.startsWith("draft-")) {
			return number(key.substring(6)).map(items::get).map(this::draftPaper);
		}
		return acts.values().stream().filter(act -> actKey(act).equals(key)).findFirst().map(this::actPaper);
	}

	private Entry draftPaper(AgendaItem item) {
		Map<String, Object> json = object(links.object("paper", "draft-" + item.id()), "Paper");
		json.put("body", links.body());
		json.put("name", item.title());
		json.put("reference", item.ideaReference());
		RecordTimes.Times times = itemTimes(item);
		json.put("date", day(times.created()).toString());
		json.put("paperType", "Draft act");
		OfficialAct act = actOfItem.get(item.id());
		if (act != null) {
			json.put("subordinatedPaper", List.of(links.object("paper", actKey(act))));
		}
		json.put("consultation", List.of(consultation(item.id() + "-committee").orElseThrow().json(),
				consultation(item.id() + "-council").orElseThrow().json()));
		if (facts.hasPublicPage().test(item.ideaReference())) {
			json.put("web", links.portal("/ideas/" + item.ideaReference()));
		}
		times(json, times.created(), times.modified());
		return new Entry(json, times.created(), times.modified());
	}

	private Entry actPaper(OfficialAct act) {
		Map<String, Object> json = object(links.object("paper", actKey(act)), "Paper");
		json.put("body", links.body());
		json.put("name", act.title());
		json.put("reference", act.actNumber());
		json.put("date", act.adoptedOn().toString());
		json.put("paperType", act.isDecree() ? "Mayoral decree" : "Council act");
		json.put("originatorOrganization", List.of(links.organization(act.isDecree() ? MAYORS_OFFICE : COUNCIL)));
		AgendaItem draft = itemOfAct.get(act.actNumber());
		if (draft != null) {
			json.put("superordinatedPaper", List.of(links.object("paper", "draft-" + draft.id())));
		}
		// the act's entry in the public register
		json.put("web", links.portal("/register#act-" + act.actNumber().replace('/', '-')));
		RecordTimes.Times times = facts.actTimes().get(act.actNumber());
		times(json, created(times), modified(times));
		return new Entry(json, created(times), modified(times));
	}

	static String actKey(OfficialAct act) {
		return "act-" + act.actNumber().replace('/', '-');
	}

	// ------------------------------------------------------------------ Consultation

	List<Entry> consultations() {
		List<Entry> consultations = new ArrayList<>();
		items.keySet().forEach(id -> {
			consultations.add(consultation(id + "-committee").orElseThrow());
			consultations.add(consultation(id + "-council").orElseThrow());
		});
		return consultations;
	}

	/** "{item}-committee" (the committee's review) or "{item}-council" (the vote). */
	Optional<Entry> consultation(String key) {
		int dash = key.indexOf('-');
		if (dash < 0) {
			return Optional.empty();
		}
		String kind = key.substring(dash + 1);
		AgendaItem item = number(key.substring(0, dash)).map(items::get).orElse(null);
		if (item == null || !(kind.equals("council") || kind.equals("committee"))) {
			return Optional.empty();
		}
		Map<String, Object> json = object(links.object("consultation", key), "Consultation");
		json.put("paper", links.object("paper", "draft-" + item.id()));
		if (kind.equals("council")) {
			json.put("agendaItem", links.object("agendaItem", String.valueOf(item.id())));
			json.put("meeting", links.object("meeting", String.valueOf(item.sessionId())));
			json.put("organization", List.of(links.organization(COUNCIL)));
			json.put("authoritative", true);
			json.put("role", "decision");
		}
		else {
			// reviewed before the vote; the calendar does not tie the review to a session
			if (committee(COMMITTEE + item.committee()).isPresent()) {
				json.put("organization", List.of(links.organization(COMMITTEE + item.committee())));
			}
			json.put("authoritative", false);
			json.put("role", item.committeeOpinion() == null ? "review" : "review: " + opinion(item));
		}
		RecordTimes.Times times = itemTimes(item);
		times(json, times.created(), times.modified());
		return Optional.of(new Entry(json, times.created(), times.modified()));
	}

	private static String opinion(AgendaItem item) {
		return switch (item.committeeOpinion()) {
			case "FAVOURABLE" -> "favourable";
			case "UNFAVOURABLE" -> "unfavourable";
			case "AMENDMENTS" -> "favourable with amendments";
			default -> item.committeeOpinion().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
		};
	}

	// ------------------------------------------------------------------ helpers

	private Map<String, Object> object(String id, String type) {
		Map<String, Object> json = new LinkedHashMap<>();
		json.put("id", id);
		json.put("type", SCHEMA + type);
		return json;
	}

	private RecordTimes.Times itemTimes(AgendaItem item) {
		RecordTimes.Times times = facts.itemTimes().get(item.id());
		Instant created = times != null && times.created() != null ? times.created() : item.createdAt();
		return new RecordTimes.Times(created, times != null && times.modified() != null ? times.modified() : created);
	}

	private Instant created(RecordTimes.Times times) {
		return times == null || times.created() == null ? facts.since() : times.created();
	}

	private Instant modified(RecordTimes.Times times) {
		return times == null || times.modified() == null ? created(times) : times.modified();
	}

	private static void times(Map<String, Object> json, Instant created, Instant modified) {
		json.put("created", dateTime(created));
		json.put("modified", dateTime(modified));
	}

	static String dateTime(Instant instant) {
		return DateTimeFormatter.ISO_OFFSET_DATE_TIME
			.format(instant.truncatedTo(ChronoUnit.SECONDS).atZone(ZoneId.systemDefault()));
	}

	private static LocalDate day(Instant instant) {
		return LocalDate.ofInstant(instant, ZoneId.systemDefault());
	}

	private static LocalDate today() {
		return LocalDate.now();
	}

	private static Optional<Long> number(String text) {
		try {
			return Optional.of(Long.valueOf(text));
		}
		catch (NumberFormatException ex) {
			return Optional.empty();
		}
	}

}
