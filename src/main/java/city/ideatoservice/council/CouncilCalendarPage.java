package city.ideatoservice.council;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.form.TypedDates;
import city.ideatoservice.identity.StaffPages;
import city.ideatoservice.organisation.Groups;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The council calendar for clerks (/staff/council, their Tasklist login): the coming
 * sessions of the council and its committees with their agendas; plan, move or cancel a
 * session. Dates are shown and typed as day.month.year (ISO is read too). A refused
 * change shows the page again with the message and what was typed.
 */
@Controller
@RequestMapping("/staff/council")
class CouncilCalendarPage {

	/** A session on the page, with its agenda. */
	record Row(CouncilSession session, String day, List<AgendaItem> items, long open) {

		public boolean past() {
			return items == null;
		}

	}

	private final CouncilCalendar calendar;

	private final AgendaItemRepository agenda;

	private final CouncilSessionRepository sessions;

	private final IdentityService identity;

	CouncilCalendarPage(CouncilCalendar calendar, AgendaItemRepository agenda, CouncilSessionRepository sessions,
			IdentityService identity) {
		this.calendar = calendar;
		this.agenda = agenda;
		this.sessions = sessions;
		this.identity = identity;
	}

	@GetMapping
	String page(Model model, HttpServletResponse response) {
		return show(model, response, 200);
	}

	@PostMapping("/sessions")
	String plan(@RequestParam(defaultValue = "") String body, @RequestParam(defaultValue = "") String date,
			@RequestParam(defaultValue = "") String seats, @RequestParam(defaultValue = "") String title, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<String> refused = access(model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		model.addAttribute("typed", Map.of("body", body, "date", date, "seats", seats, "title", title));
		if (!body.equals(CouncilSession.COUNCIL) && !body.equals(CouncilSession.COMMITTEE)) {
			return refuse(model, response, "body", "Body: choose the council or a committee.", 400);
		}
		int seatCount;
		try {
			seatCount = Integer.parseInt(seats.strip());
		}
		catch (NumberFormatException ex) {
			seatCount = 0;
		}
		if (seatCount < 1 || seatCount > 500) {
			return refuse(model, response, "seats", "Seats: give the number of seats, from 1 to 500.", 400);
		}
		if (title.length() > 200) {
			return refuse(model, response, "title", "Title: at most 200 characters.", 400);
		}
		try {
			CouncilSession planned = calendar.plan(body, TypedDates.parse(date), seatCount, title);
			redirect.addFlashAttribute("notice", "Planned: " + describe(planned) + ".");
			return "redirect:/staff/council";
		}
		catch (CouncilCalendar.Refused ex) {
			return refuse(model, response, ex.field(), ex.getMessage(), ex.conflict() ? 409 : 400);
		}
	}

	@PostMapping("/sessions/{id}/move")
	String move(@PathVariable long id, @RequestParam(defaultValue = "") String date, Model model,
			HttpServletResponse response, RedirectAttributes redirect) {
		Optional<String> refused = access(model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		model.addAttribute("movingId", id);
		model.addAttribute("movingDate", date);
		try {
			int items = calendar.move(id, TypedDates.parse(date));
			redirect.addFlashAttribute("notice", "Moved: " + describe(calendar.require(id))
					+ (items > 0 ? "; " + items + " agenda item(s) now wait for the new date." : "."));
			return "redirect:/staff/council";
		}
		catch (CouncilCalendar.Refused ex) {
			return refuse(model, response, "move", ex.getMessage(), ex.conflict() ? 409 : 400);
		}
	}

	@PostMapping("/sessions/{id}/cancel")
	String cancel(@PathVariable long id, Model model, HttpServletResponse response, RedirectAttributes redirect) {
		Optional<String> refused = access(model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		try {
			CouncilSession session = calendar.require(id);
			calendar.cancel(id);
			redirect.addFlashAttribute("notice", "Cancelled: " + describe(session) + ".");
			return "redirect:/staff/council";
		}
		catch (CouncilCalendar.Refused ex) {
			return refuse(model, response, "cancel", ex.getMessage(), ex.conflict() ? 409 : 400);
		}
	}

	private String refuse(Model model, HttpServletResponse response, String field, String message, int status) {
		model.addAttribute("error", message);
		model.addAttribute("errorField", field);
		return show(model, response, status);
	}

	private String show(Model model, HttpServletResponse response, int status) {
		Optional<String> refused = access(model, response);
		if (refused.isPresent()) {
			return refused.get();
		}
		LocalDate today = calendar.today();
		List<Row> coming = calendar.from(today).stream().map(session -> {
			List<AgendaItem> items = agenda.findBySessionIdOrderById(session.id());
			return new Row(session, CouncilCalendar.DAY.format(session.sessionDate()), items,
					items.stream().filter(AgendaItem::toDecide).count());
		}).toList();
		List<Row> held = sessions.findAllByOrderBySessionDate()
			.stream()
			.filter(session -> session.sessionDate().isBefore(today))
			.sorted(Comparator.comparing(CouncilSession::sessionDate).reversed())
			.limit(12)
			.map(session -> new Row(session, CouncilCalendar.DAY.format(session.sessionDate()), null, 0))
			.toList();
		model.addAttribute("coming", coming);
		model.addAttribute("held", held);
		model.addAttribute("today", CouncilCalendar.DAY.format(today));
		model.addAttribute("example", CouncilCalendar.DAY.format(today.plusDays(14)));
		if (!model.containsAttribute("typed")) {
			model.addAttribute("typed", Map.of("body", CouncilSession.COUNCIL, "date", "", "seats", "", "title", ""));
		}
		response.setStatus(status);
		return "staff/council";
	}

	/** The login page (401) or a refusal (403) for who may not keep the calendar. */
	private Optional<String> access(Model model, HttpServletResponse response) {
		return StaffPages.refused(identity, model, response, "Only council clerks keep the council's calendar.",
				Groups.COUNCIL_CLERKS);
	}

	private static String describe(CouncilSession session) {
		return (CouncilSession.COUNCIL.equals(session.body()) ? "council" : "committee") + " session on "
				+ CouncilCalendar.DAY.format(session.sessionDate())
				+ (session.title() == null ? "" : " (" + session.title() + ")");
	}

}
