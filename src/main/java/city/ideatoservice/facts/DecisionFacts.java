package city.ideatoservice.facts;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import city.ideatoservice.approval.ApprovalDecision;
import city.ideatoservice.approval.ApprovalDecisionRepository;
import city.ideatoservice.form.CamundaForm;
import city.ideatoservice.form.FormValidation;
import city.ideatoservice.form.TypedDates;
import city.ideatoservice.funding.PrototypeBudgets;
import city.ideatoservice.idea.Idea;
import city.ideatoservice.idea.IdeaRepository;
import city.ideatoservice.identity.StaffPages;
import city.ideatoservice.opendata.DatasetRequest;
import city.ideatoservice.opendata.DatasetRequestRepository;
import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.EveryUserTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/**
 * The facts a decider needs, put on the task when it is created as the task-local
 * variable {@value #FACTS}: a short text (Markdown) that the decision forms show in a
 * {@code text} component, so nothing of it can be submitted. Read from the idea's process
 * (a called process reads its caller's variables), the approvals and the funding budgets;
 * amounts in euros, dates as day.month.year, and no personal data of the citizen or of
 * partners' contacts.
 */
@Component
public class DecisionFacts extends AbstractProcessEnginePlugin {

	/** The task-local variable the forms show: {@code "text": "=decisionFacts"}. */
	public static final String FACTS = "decisionFacts";

	private final FormValidation forms;

	private final IdeaRepository ideas;

	private final ApprovalDecisionRepository approvals;

	private final DatasetRequestRepository datasets;

	private final PrototypeBudgets budgets;

	private final Departments departments;

	DecisionFacts(FormValidation forms, IdeaRepository ideas, ApprovalDecisionRepository approvals,
			DatasetRequestRepository datasets, PrototypeBudgets budgets, Departments departments) {
		this.forms = forms;
		this.ideas = ideas;
		this.approvals = approvals;
		this.datasets = datasets;
		this.budgets = budgets;
		this.departments = departments;
	}

	@Override
	public void preInit(ProcessEngineConfigurationImpl configuration) {
		EveryUserTask.addListener(configuration, TaskListener.EVENTNAME_CREATE, this::created);
	}

	void created(DelegateTask task) {
		Optional<String> form = forms.formOf(task).map(CamundaForm::id);
		if (form.isEmpty()) {
			return;
		}
		Facts facts = new Facts(task);
		// what each decider needs beyond what the form shows already
		switch (form.get()) {
			case "screen-idea" -> facts.submission();
			case "approve-funding", "confirm-funded-initiative", "revise-funding-request" -> {
				facts.plan(true);
				facts.budgetLeft();
			}
			case "approve-service" -> {
				facts.costAndFunding();
				facts.approvals();
			}
			case "recommend-adoption" -> {
				facts.plan(false);
				facts.pilotNumbers();
				facts.prototypeFunding();
			}
			case "prepare-agenda-item", "record-committee-review", "record-council-vote", "decide-deferred-item" -> {
				facts.description();
				facts.pilotNumbers();
				facts.costAndFunding();
				facts.approvals();
			}
			case "sign-mayoral-decree" -> {
				facts.pilotNumbers();
				facts.costAndFunding();
				facts.approvals();
			}
			case "issue-directives" -> facts.adoption();
			case "decide-open-data-waiver", "request-more-datasets" -> {
				facts.plan(true);
				facts.datasetOutcomes();
			}
			case "review-milestone-checkpoint" -> {
				facts.plan(false);
				facts.prototypeFunding();
			}
			case "review-personal-data" -> facts.stewardsAnswers();
			case "review-service-sustainability" -> {
				facts.adoption();
				facts.costAndFunding();
			}
			case "publish-dataset" -> facts.catalogueDraft();
			default -> {
				// a form without facts of its own
			}
		}
		if (!facts.text.isEmpty()) {
			task.setVariableLocal(FACTS, facts.text.toString().strip());
		}
	}

	/** The facts of one task, written as Markdown paragraphs and lists. */
	private final class Facts {

		private final DelegateTask task;

		private final StringBuilder text = new StringBuilder();

		Facts(DelegateTask task) {
			this.task = task;
		}

		/**
		 * A variable of the task's process, or of the process that called it (up to the
		 * idea's own process).
		 */
		Object variable(String name) {
			Object value = task.getVariable(name);
			ExecutionEntity execution = (ExecutionEntity) task.getExecution();
			while (value == null && execution != null) {
				execution = execution.getProcessInstance().getSuperExecution();
				value = execution == null ? null : execution.getVariable(name);
			}
			return value;
		}

		String textOf(String name) {
			Object value = variable(name);
			return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
		}

		List<Map<String, Object>> items(String name) {
			Object value = variable(name);
			List<Map<String, Object>> items = new ArrayList<>();
			for (Object item : listOf(value)) {
				if (item instanceof Map<?, ?> map) {
					Map<String, Object> entry = new java.util.LinkedHashMap<>();
					map.forEach((key, field) -> entry.put(String.valueOf(key), field));
					items.add(entry);
				}
			}
			return items;
		}

		Optional<Idea> idea() {
			String reference = textOf("ideaReference");
			return reference == null ? Optional.empty() : ideas.findByReference(reference);
		}

		void heading(String heading) {
			text.append("**").append(heading).append("**\n\n");
		}

		void line(String label, String value) {
			if (value != null && !value.isBlank()) {
				text.append("- ").append(label).append(": ").append(plain(value)).append('\n');
			}
		}

		void paragraph(String label, String value) {
			if (value != null && !value.isBlank()) {
				heading(label);
				text.append(plain(value)).append("\n\n");
			}
		}

		void endList() {
			if (!text.isEmpty() && text.charAt(text.length() - 1) == '\n' && !text.toString().endsWith("\n\n")) {
				text.append('\n');
			}
		}

		/** "Screen idea": how the idea came in. */
		void submission() {
			idea().ifPresent(idea -> {
				heading("How the idea came in");
				line("Channel", StaffPages.words(idea.channel() == null ? null : idea.channel().name()));
				line("Received on", idea.createdAt() == null ? null
						: day(LocalDate.ofInstant(idea.createdAt(), ZoneId.systemDefault())));
				endList();
			});
		}

		/** The idea's description, objectives and pilot results, for the council. */
		void description() {
			paragraph("Description", textOf("ideaDescription"));
			paragraph("Objectives", textOf("objectives"));
			paragraph("Pilot results", textOf("pilotResults"));
		}

		/**
		 * Objectives, milestones with their due dates, the pilot's start and datasets.
		 */
		void plan(boolean withObjectives) {
			if (withObjectives) {
				paragraph("Objectives", textOf("objectives"));
			}
			List<Map<String, Object>> milestones = items("milestones");
			if (!milestones.isEmpty()) {
				heading("Milestones");
				milestones.forEach(milestone -> line(String.valueOf(milestone.get("title")),
						"due " + day(String.valueOf(milestone.get("dueDate")))));
				endList();
			}
			String pilotStart = textOf("pilotStartDate");
			if (pilotStart != null) {
				heading("Pilot");
				line("Planned start", day(pilotStart));
				endList();
			}
			List<Map<String, Object>> requested = items("datasets");
			if (!requested.isEmpty()) {
				heading("Datasets the prototype needs");
				requested.forEach(dataset -> line(String.valueOf(dataset.get("title")),
						"owned by " + department(String.valueOf(dataset.get("ownerDepartment")))
								+ (dataset.get("purpose") == null ? "" : "; needed for: " + dataset.get("purpose"))));
				endList();
			}
		}

		/** What is left of the sponsor department's prototype budget this year. */
		void budgetLeft() {
			String sponsor = textOf("sponsorDepartment");
			if (sponsor == null) {
				return;
			}
			int year = budgets.currentYear();
			heading("Budget");
			line("Left in the prototype budget of " + department(sponsor) + " for " + year,
					euros(budgets.remainingCents(sponsor, year)));
			endList();
		}

		/** How far the pilot met its objectives, and with how many citizens. */
		void pilotNumbers() {
			String met = textOf("objectivesMet");
			Object participants = variable("pilotParticipants");
			if (met != null || participants != null) {
				heading("Pilot");
				line("Objectives met", switch (String.valueOf(met)) {
					case "ALL" -> "all";
					case "PARTLY" -> "some";
					case "NONE" -> "none";
					default -> met;
				});
				line("Citizens who took part", participants == null ? null : String.valueOf(participants));
				endList();
			}
		}

		/** What the prototype was granted. */
		void prototypeFunding() {
			String outcome = textOf("fundingOutcome");
			String source = textOf("fundingSource");
			if (outcome == null && source == null) {
				return;
			}
			heading("Prototype funding");
			line("Requested", cents("requestedAmountCents").filter(c -> c > 0).map(DecisionFacts::euros).orElse(null));
			line("Outcome", StaffPages.words(outcome));
			line("Granted", cents("approvedAmountCents").filter(c -> c > 0).map(DecisionFacts::euros).orElse(null));
			line("Joins the funded initiative", textOf("fundedInitiative"));
			endList();
		}

		/**
		 * Yearly running cost, who runs the service and pays for it, and the prototype's
		 * money.
		 */
		void costAndFunding() {
			Object cost = variable("yearlyRunningCost");
			List<Object> running = listOf(variable("implementingDepartments"));
			if (cost != null || !running.isEmpty()) {
				heading("Cost and funding");
				line("Yearly running cost", cost == null ? null : euros(new BigDecimal(String.valueOf(cost))));
				line("Run and paid for by", running.isEmpty() ? null
						: String.join(", ", running.stream().map(d -> department(String.valueOf(d))).toList()));
				line("Prototype funding granted",
						cents("approvedAmountCents").filter(c -> c > 0).map(DecisionFacts::euros).orElse(null));
				endList();
			}
		}

		/** The departments' decisions on the service, latest round last. */
		void approvals() {
			Optional<Idea> idea = idea();
			if (idea.isEmpty()) {
				return;
			}
			List<ApprovalDecision> decisions = approvals
				.findByIdeaIdOrderByApprovalRoundAscApproverGroupAsc(idea.get().id());
			if (decisions.isEmpty()) {
				return;
			}
			heading("Approvals");
			for (ApprovalDecision decision : decisions) {
				line(group(decision.approverGroup()) + " (round " + decision.approvalRound() + ", "
						+ day(LocalDate.ofInstant(decision.decidedAt(), ZoneId.systemDefault())) + ")",
						StaffPages.words(decision.decision())
								+ (decision.reason() == null ? "" : ": " + decision.reason()));
			}
			endList();
		}

		/** The act that adopted the service, and its directive. */
		void adoption() {
			String actNumber = textOf("actNumber");
			if (actNumber == null) {
				return;
			}
			heading("Adoption");
			line("Act", actNumber + ("MAYORS_DECREE".equals(textOf("adoptionRoute")) ? " (mayoral decree)" : ""));
			line("Adopted on", day(textOf("actDate")));
			line("Directive", textOf("directiveReference"));
			line("Directive takes effect on", day(textOf("directiveEffectiveDate")));
			line("Service started on", day(textOf("serviceStartDate")));
			endList();
		}

		/** Which of the idea's datasets are published, refused or still open. */
		void datasetOutcomes() {
			Optional<Idea> idea = idea();
			if (idea.isEmpty()) {
				return;
			}
			List<DatasetRequest> decided = datasets.findByIdeaIdOrderByDecidedAt(idea.get().id());
			if (decided.isEmpty()) {
				return;
			}
			heading("Datasets so far");
			for (DatasetRequest dataset : decided) {
				line(dataset.title() + " (" + department(dataset.ownerDepartment()) + ")",
						(DatasetRequest.PUBLISHED.equals(dataset.outcome()) ? "published" : "refused")
								+ (dataset.decidedAt() == null ? ""
										: " on " + day(
												LocalDate.ofInstant(dataset.decidedAt(), ZoneId.systemDefault())))
								+ (dataset.reason() == null ? "" : ": " + dataset.reason()));
			}
			endList();
		}

		/** The data steward's answers, as words. */
		void stewardsAnswers() {
			line("Contains personal data", yesNo(textOf("containsPersonalData")));
			line("Contains exact locations", yesNo(textOf("containsLocationData")));
			line("Commercially sensitive", yesNo(textOf("commerciallySensitive")));
			line("Already public somewhere", yesNo(textOf("alreadyPublic")));
			line("Assessment", StaffPages.words(textOf("datasetAssessment")));
			endList();
		}

		/** The catalogue entry starts with what the request says. */
		void catalogueDraft() {
			String title = textOf("datasetTitle");
			if (title != null && task.getVariable("catalogueTitle") == null) {
				task.setVariableLocal("catalogueTitle", title);
			}
		}

		Optional<Long> cents(String name) {
			return variable(name) instanceof Number number ? Optional.of(number.longValue()) : Optional.empty();
		}

		String department(String group) {
			return departments.byAnyGroup(group).map(Departments.Department::name).orElse(group);
		}

		String group(String group) {
			return departments.byAnyGroup(group)
				.map(Departments.Department::name)
				.or(() -> Groups.CITY_GROUPS.stream().filter(g -> g[0].equals(group)).map(g -> g[1]).findFirst())
				.orElse(group);
		}

	}

	/** A list as the process keeps it: Json (Spin) or a Java list. */
	static List<Object> listOf(Object value) {
		if (value instanceof org.camunda.spin.plugin.variable.value.JsonValue json) {
			value = json.getValue();
		}
		if (value instanceof org.camunda.spin.json.SpinJsonNode json && json.isArray()) {
			return new ArrayList<>(json.mapTo(List.class));
		}
		return value instanceof List<?> list ? new ArrayList<>(list) : List.of();
	}

	static String yesNo(String answer) {
		return answer == null ? null : "YES".equals(answer) ? "yes" : "NO".equals(answer) ? "no" : answer;
	}

	/** 12345.6 as "12.345,60 €", as the budgets page shows money. */
	static String euros(BigDecimal amount) {
		return NumberFormat.getCurrencyInstance(Locale.GERMANY).format(amount);
	}

	static String euros(long cents) {
		return euros(BigDecimal.valueOf(cents, 2));
	}

	static String day(LocalDate date) {
		return TypedDates.DAY.format(date);
	}

	/** An ISO day as day.month.year; anything else as it is. */
	static String day(String iso) {
		if (iso == null) {
			return null;
		}
		try {
			return day(LocalDate.parse(iso));
		}
		catch (DateTimeParseException ex) {
			return iso;
		}
	}

	/**
	 * Text the process holds as the decider reads it: no HTML or template braces, one
	 * paragraph's line breaks kept.
	 */
	static String plain(String value) {
		return value.strip()
			.replace("&", "&amp;")
			.replace("<", "&lt;")
			.replace(">", "&gt;")
			.replace("{{", "{ {")
			.replace("\r\n", "\n")
			.replace("\n\n", "\n")
			.replace("\n", "  \n");
	}

}
