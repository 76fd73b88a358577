package city.ideatoservice.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import city.ideatoservice.IdeaToServiceTest;
import city.ideatoservice.idea.Channel;
import city.ideatoservice.idea.CitizenErasure;
import city.ideatoservice.idea.IdeaService;
import city.ideatoservice.idea.IdeaSubmission;
import city.ideatoservice.idea.Reach;
import city.ideatoservice.idea.Theme;
import city.ideatoservice.process.ProcessKeys;
import city.ideatoservice.process.ProcessTestSupport;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthEndpoint;

/**
 * E-mail against a real SMTP server (GreenMail): each kind of message arrives with the
 * right recipient, subject and facts, HTML escaped; a mail server that is down blocks no
 * task and loses no mail; the last failed try is an incident; a name cannot inject a
 * header. GreenMail listens on the mail port of application-test.yml.
 */
@IdeaToServiceTest
class NotificationTest {

	@RegisterExtension
	static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP);

	@Autowired
	ProcessEngine engine;

	@Autowired
	ProcessTestSupport support;

	@Autowired
	IdeaSubmission submission;

	@Autowired
	IdeaService ideas;

	@Autowired
	CitizenErasure erasure;

	@Autowired
	NotificationRepository notifications;

	@Autowired
	HealthEndpoint health;

	/**
	 * Each test starts with no mail waiting: mails a test left failing (server down)
	 * would arrive in the next one.
	 */
	@org.junit.jupiter.api.BeforeEach
	void noMailWaiting() {
		engine.getRuntimeService()
			.createProcessInstanceQuery()
			.processDefinitionKey(Notifications.PROCESS_KEY)
			.list()
			.forEach(instance -> engine.getRuntimeService().deleteProcessInstance(instance.getId(), "test set-up"));
	}

	String submit(String title, String name, String email, String locale) {
		return submission
			.submit(new IdeaService.NewIdea(title, "Description of " + title, Theme.MOBILITY, Reach.CITY,
					Channel.PORTAL, name, email, null, locale))
			.idea()
			.reference();
	}

	MimeMessage[] mailsTo(String address) {
		return java.util.Arrays.stream(smtp.getReceivedMessages()).filter(message -> {
			try {
				return java.util.Arrays.stream(message.getRecipients(Message.RecipientType.TO))
					.anyMatch(to -> to.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		}).toArray(MimeMessage[]::new);
	}

	@Test
	void theCitizenGetsAnAcknowledgementWithReferenceAndTrackingCode() throws Exception {
		String ref = submit("Night bus", "Noa", "noa@example.org", null);
		support.runMailJobs();

		MimeMessage[] mails = mailsTo("noa@example.org");
		assertThat(mails).hasSize(1);
		assertThat(mails[0].getSubject()).contains(ref);
		String body = GreenMailUtil.getBody(mails[0]);
		assertThat(body).contains(ref).contains("Night bus").containsPattern("[2-9A-HJKMNP-Z]{4}-[2-9A-HJKMNP-Z]{4}");
		Notification record = notifications.findByIdeaIdOrderByCreatedAt(ideas.require(ref).id()).get(0);
		assertThat(record.status()).isEqualTo(Notification.Status.SENT);
		assertThat(record.parameters()).as("the tracking code is not kept after sending").isNull();
	}

	@Test
	void aStatusChangeTellsTheCitizenTheReasonWithHtmlEscaped() throws Exception {
		String ref = submit("Bike lanes", "Ben", "ben@example.org", null);
		support.complete(ref, "Task_ScreenIdea", Map.of("screeningDecision", "REJECT", "category", "MOBILITY",
				"priority", "LOW", "publicReason", "Not a city road <b>sorry</b>"));
		support.runMailJobs();

		MimeMessage[] mails = mailsTo("ben@example.org");
		assertThat(mails).hasSize(2);
		MimeMessage rejection = mails[1];
		String html = htmlPart(rejection);
		assertThat(html).contains("Not a city road &lt;b&gt;sorry&lt;/b&gt;").doesNotContain("<b>sorry</b>");
		assertThat(rejection.getSubject()).contains(ref);
	}

	/** The decoded HTML part of a multipart/alternative mail. */
	static String htmlPart(jakarta.mail.Part part) throws Exception {
		if (part.isMimeType("text/html")) {
			return (String) part.getContent();
		}
		if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				String html = htmlPart(multipart.getBodyPart(i));
				if (html != null) {
					return html;
				}
			}
		}
		return null;
	}

	@Test
	void aQuestionReachesTheCitizen() throws Exception {
		String ref = submit("Compost", "Cleo", "cleo@example.org", null);
		support.complete(ref, "Task_ScreenIdea", Map.of("screeningDecision", "ASK", "category", "ENVIRONMENT",
				"priority", "NORMAL", "questionToCitizen", "Which park do you mean?"));
		support.runMailJobs();

		MimeMessage[] mails = mailsTo("cleo@example.org");
		assertThat(mails).hasSize(2);
		assertThat(GreenMailUtil.getBody(mails[1])).contains("Which park do you mean?");
	}

	@Test
	void aWithdrawalIsConfirmed() throws Exception {
		String ref = submit("Benches", "Wim", "wim@example.org", null);
		engine.getRuntimeService()
			.createMessageCorrelation("IdeaWithdrawalRequested")
			.processInstanceBusinessKey(ref)
			.correlate();
		support.runMailJobs();

		MimeMessage[] mails = mailsTo("wim@example.org");
		assertThat(mails).hasSize(2);
		assertThat(GreenMailUtil.getBody(mails[1])).contains(ref).contains("Withdrawn by the citizen.");
	}

	@Test
	void aCitizenWhoAskedForGermanGetsGerman() throws Exception {
		String ref = submit("Nachtbus", "Greta", "greta@example.org", "de");
		support.runMailJobs();

		MimeMessage mail = mailsTo("greta@example.org")[0];
		assertThat(mail.getSubject()).contains(ref).isNotEqualTo(englishSubjectOf("Nachtbus"));
	}

	private String englishSubjectOf(String title) throws Exception {
		String ref = submit(title, "Eddie", "eddie@example.org", "en");
		support.runMailJobs();
		return mailsTo("eddie@example.org")[0].getSubject().replace(ref, "");
	}

	@Test
	void aTaskCompletedWhileTheMailServerIsDownSucceedsAndTheMailArrivesOnceLater() throws Exception {
		smtp.stop();
		String ref = submit("Shade trees", "Sam", "sam@example.org", null);
		support.complete(ref, "Task_ScreenIdea", Map.of("screeningDecision", "REJECT", "category", "URBAN_PLANNING",
				"priority", "LOW", "publicReason", "Trees are planned already."));
		assertThat(support.status(ref)).as("the rejection went through").hasToString("REJECTED");

		support.runMailJobs();
		assertThat(support.mailJobs()).as("failed jobs wait for their next try").isEmpty();
		List<Job> waiting = engine.getManagementService()
			.createJobQuery()
			.processDefinitionKey(Notifications.PROCESS_KEY)
			.list();
		assertThat(waiting).hasSize(2).allSatisfy(job -> assertThat(job.getExceptionMessage()).isNotNull());

		smtp.start();
		waiting.forEach(job -> engine.getManagementService().setJobDuedate(job.getId(), new java.util.Date()));
		support.runMailJobs();
		assertThat(mailsTo("sam@example.org")).hasSize(2);

		// a retry after the server accepted a mail does not send it again
		Notification sent = notifications.findByIdeaIdOrderByCreatedAt(ideas.require(ref).id()).get(0);
		engine.getRuntimeService()
			.startProcessInstanceByKey(Notifications.PROCESS_KEY, Map.of(Notifications.NOTIFICATION_ID, sent.id()));
		support.runMailJobs();
		assertThat(mailsTo("sam@example.org")).hasSize(2);
	}

	@Test
	void theLastFailedTryIsAnIncidentAnOperatorCanRetry() {
		smtp.stop();
		String ref = submit("Water fountains", "Ida", "ida@example.org", null);
		Job job = support.mailJobs().get(0);
		support.runMailJobs();
		// the retries the cycle leaves, used up but one; the next failure is the last
		engine.getManagementService().setJobRetries(job.getId(), 1);
		engine.getManagementService().setJobDuedate(job.getId(), new java.util.Date());

		support.runMailJobs();

		List<Incident> incidents = engine.getRuntimeService()
			.createIncidentQuery()
			.processInstanceId(job.getProcessInstanceId())
			.list();
		assertThat(incidents).hasSize(1);
		assertThat(incidents.get(0).getActivityId()).isEqualTo("Task_SendEmail");
		assertThat(
				engine.getRepositoryService().getProcessDefinition(incidents.get(0).getProcessDefinitionId()).getKey())
			.isEqualTo("send-notification");
		assertThat(support.status(ref)).hasToString("IN_REVIEW");

		// operators see the outage and the incident on its own health indicator; the
		// application stays up (readiness too): nothing is blocked
		assertThat(health.health().getStatus()).hasToString("UP");
		assertThat(health.healthForPath("readiness").getStatus()).hasToString("UP");
		Health mail = (Health) health.healthForPath("mail");
		assertThat(mail.getStatus()).hasToString("DEGRADED");
		assertThat((Long) mail.getDetails().get("incidents")).isPositive();

		// the operator's "retry" in Cockpit: one more try, now
		smtp.start();
		engine.getManagementService().setJobRetries(job.getId(), 1);
		engine.getManagementService().setJobDuedate(job.getId(), new java.util.Date());
		support.runMailJobs();
		assertThat(mailsTo("ida@example.org")).hasSize(1);
		assertThat(
				engine.getRuntimeService().createIncidentQuery().processInstanceId(job.getProcessInstanceId()).count())
			.isZero();
		assertThat(health.healthForPath("mail").getStatus()).hasToString("UP");
	}

	@Test
	void aLineBreakInANameCannotInjectAHeader() throws Exception {
		submit("Benches", "Eve\r\nBcc: attacker@example.org", "eve@example.org", null);
		support.runMailJobs();

		assertThat(mailsTo("eve@example.org")).hasSize(1);
		for (MimeMessage received : smtp.getReceivedMessages()) {
			for (jakarta.mail.Address recipient : received.getAllRecipients()) {
				assertThat(((jakarta.mail.internet.InternetAddress) recipient).getAddress())
					.isNotEqualTo("attacker@example.org");
			}
		}
		MimeMessage mail = mailsTo("eve@example.org")[0];
		assertThat(mail.getHeader("Bcc")).isNull();
		assertThat(mail.getAllRecipients()).hasSize(1);
		assertThat(((jakarta.mail.internet.InternetAddress) mail.getAllRecipients()[0]).getAddress())
			.isEqualTo("eve@example.org");
	}

	@Test
	void noMailAfterTheCitizensDataIsErasedAndTheRecordGoesWithIt() {
		String ref = submit("Library hours", "Lu", "lu@example.org", null);
		erasure.eraseCitizenOf(ref);
		support.runMailJobs();

		assertThat(mailsTo("lu@example.org")).isEmpty();
		assertThat(notifications.findByIdeaIdOrderByCreatedAt(ideas.require(ref).id()))
			.noneMatch(notification -> notification.citizenId() != null);

		support.complete(ref, "Task_ScreenIdea", Map.of("screeningDecision", "REJECT", "category", "CULTURE",
				"priority", "LOW", "publicReason", "Already planned."));
		support.runMailJobs();
		assertThat(mailsTo("lu@example.org")).isEmpty();
	}

	@Autowired
	org.springframework.test.web.servlet.MockMvc mvc;

	static String basic(String user) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":password-" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	@Test
	void theInnovationOfficeSeesWhichMailsWentToWhomAndOthersDoNot() throws Exception {
		support.ensureUser("office", "innovation-office");
		support.ensureUser("someclerk", "council-clerks");
		String ref = submit("Bus shelters", "Bo", "bo@example.org", null);
		support.runMailJobs();
		String url = "/api/staff/ideas/" + ref + "/notifications";

		mvc.perform(get(url).header("Authorization", basic("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].kind").value("IDEA_RECEIVED"))
			.andExpect(jsonPath("$[0].recipient").value("bo@example.org"))
			.andExpect(jsonPath("$[0].status").value("SENT"))
			.andExpect(jsonPath("$[0].sentAt").exists());
		mvc.perform(get(url).header("Authorization", basic("someclerk"))).andExpect(status().isForbidden());
		mvc.perform(get(url)).andExpect(status().isUnauthorized());

		mvc.perform(post("/api/staff/ideas/" + ref + "/citizen-erasure").header("Authorization", basic("office")))
			.andExpect(status().isNoContent());
		mvc.perform(get(url).header("Authorization", basic("office")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.kind == 'IDEA_RECEIVED')]").isEmpty());
	}

	@Test
	void staffHearOfNewTasksRemindersAndEscalations() throws Exception {
		support.ensureUser("screener", "innovation-office");
		support.ensureUser("screening-lead", "innovation-office-leads");
		for (String id : List.of("screener", "screening-lead")) {
			org.camunda.bpm.engine.identity.User user = engine.getIdentityService()
				.createUserQuery()
				.userId(id)
				.singleResult();
			user.setEmail(id + "@city.example");
			engine.getIdentityService().saveUser(user);
		}

		String ref = submit("Playground map", null, null, null);
		support.runMailJobs();
		MimeMessage[] newTask = mailsTo("screener@city.example");
		assertThat(newTask).hasSize(1);
		assertThat(GreenMailUtil.getBody(newTask[0])).contains("Screen idea").contains(ref);

		support.runTimers(support.instance(ref, ProcessKeys.IDEA_SCREENING), "Task_ScreenIdea");
		support.runMailJobs();
		assertThat(mailsTo("screener@city.example")).as("new task and reminder; the escalation is the leads'")
			.hasSize(2);
		MimeMessage[] escalated = mailsTo("screening-lead@city.example");
		assertThat(escalated).hasSize(1);
		assertThat(escalated[0].getSubject()).contains("Screen idea");

		engine.getIdentityService().setUserInfo("screener", StaffNotifications.NEW_TASKS_SETTING, "false");
		submit("Another idea", null, null, null);
		support.runMailJobs();
		assertThat(mailsTo("screener@city.example")).as("new-task mails turned off").hasSize(2);
	}

	// ---- partners and the public commitment

	@Autowired
	city.ideatoservice.partner.Partners partners;

	@Autowired
	city.ideatoservice.commitment.PublicCommitmentRepository commitmentRepository;

	@Autowired
	org.springframework.context.ApplicationEventPublisher events;

	java.util.List<city.ideatoservice.partner.Partner> partnersOf(String ref, String... emails) {
		java.util.List<Map<String, Object>> entries = new java.util.ArrayList<>();
		for (String email : emails) {
			entries.add(Map.of("organisation", "Org of " + email, "kind", "CIVIC_GROUP", "role", "Tests <b>it</b>",
					"contactPerson", "Contact " + email, "email", email));
		}
		return partners.join(ref, entries);
	}

	@Test
	void partnersAreWelcomedAndHearOfCheckpointsAndTheAdoption() throws Exception {
		String ref = submit("Shade map", "Sam", "sam@example.org", null);
		partnersOf(ref, "uni@example.org");
		partners.assess(ref, "Prototype on one street", "CHANGE_DIRECTION", "champ", List.of());
		ideas.changeStatus(ref, city.ideatoservice.idea.PublicStatus.ADOPTED, null);
		support.runMailJobs();

		MimeMessage[] mails = mailsTo("uni@example.org");
		assertThat(mails).hasSize(3).allSatisfy(mail -> assertThat(mail.getSubject()).contains(ref));
		assertThat(htmlPart(mails[0])).contains("Contact uni@example.org")
			.contains("Org of uni@example.org")
			.contains("Tests &lt;b&gt;it&lt;/b&gt;")
			.doesNotContain("<b>it</b>");
		assertThat(htmlPart(mails[1])).contains("Prototype on one street").contains("The prototype changes direction");
		assertThat(mails[2].getSubject()).contains("adopted");
		// the citizen's mails are their own: the adoption, not the partners'
		assertThat(mailsTo("sam@example.org")).noneMatch(mail -> {
			try {
				return mail.getSubject().contains("partnership");
			}
			catch (jakarta.mail.MessagingException ex) {
				throw new IllegalStateException(ex);
			}
		});
	}

	@Test
	void noMailAfterAPartnersContactIsErasedAndTheRecordGoesWithIt() throws Exception {
		support.ensureUser("office-partners", "innovation-office");
		String ref = submit("Tool library", "Tia", "tia@example.org", null);
		city.ideatoservice.partner.Partner partner = partnersOf(ref, "hub@example.org").get(0);
		String url = "/api/staff/ideas/" + ref + "/partners";

		mvc.perform(get(url).header("Authorization", basic("office-partners")))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].email").value("hub@example.org"));
		mvc.perform(post(url + "/" + partner.id() + "/erasure").header("Authorization", basic("office-partners")))
			.andExpect(status().isNoContent());
		mvc.perform(post(url + "/" + partner.id() + "/erasure").header("Authorization", basic("office-partners")))
			.andExpect(status().isConflict());
		partners.assess(ref, "First street", "CONTINUE", "champ", List.of());
		support.runMailJobs();

		assertThat(mailsTo("hub@example.org")).isEmpty();
		assertThat(notifications.findByIdeaIdOrderByCreatedAt(ideas.require(ref).id()))
			.noneMatch(notification -> notification.partnerId() != null);
		mvc.perform(get(url).header("Authorization", basic("office-partners")))
			.andExpect(jsonPath("$[0].organisation").value("Org of hub@example.org"))
			.andExpect(jsonPath("$[0].email").doesNotExist())
			.andExpect(jsonPath("$[0].contactPerson").doesNotExist());
	}

	@Test
	void theCitizenReadsThePublicCommitmentInTheirLanguage() throws Exception {
		String ref = submit("Nachtbus auf Abruf", "Greta", "greta-commitment@example.org", "de");
		Long ideaId = ideas.require(ref).id();
		city.ideatoservice.commitment.PublicCommitment commitment = commitmentRepository
			.save(new city.ideatoservice.commitment.PublicCommitment(null, ideaId,
					city.ideatoservice.commitment.PublicCommitment.Moment.PRESS_CONFERENCE, "Maria Rossi",
					"Bürgermeisterin", java.time.LocalDate.of(2027, 3, 1), "Der erste Nachtbus fährt im Juni.",
					java.time.Instant.now()));
		org.springframework.transaction.support.TransactionTemplate transaction = new org.springframework.transaction.support.TransactionTemplate(
				transactions);
		transaction.executeWithoutResult(status -> events
			.publishEvent(new city.ideatoservice.commitment.PublicCommitmentRecorded(ideaId, ref, commitment.id())));
		support.runMailJobs();

		MimeMessage mail = mailsTo("greta-commitment@example.org")[1];
		assertThat(mail.getSubject()).isEqualTo("Die Stadt sagt zu: Ihre Idee " + ref + ": Nachtbus auf Abruf");
		assertThat(htmlPart(mail)).contains("Der erste Nachtbus fährt im Juni.")
			.contains("Maria Rossi, Bürgermeisterin")
			.contains("2027-03-01")
			.contains("auf einer Pressekonferenz");
	}

	@Autowired
	org.springframework.transaction.PlatformTransactionManager transactions;

}
