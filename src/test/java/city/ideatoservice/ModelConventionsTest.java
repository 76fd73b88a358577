package city.ideatoservice;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;

import city.ideatoservice.idea.PublicStatus;
import city.ideatoservice.process.ProcessKeys;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BusinessRuleTask;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.ExclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The conventions of the process designers' files in processes/ and forms/, in the spirit
 * of PetClinic's resource checks: a model that breaks one fails the build with the file,
 * the element and what to change. A Spring test, so that the beans the models name are
 * checked against the real application context; the models are read from the files, so
 * each convention is reported here in these words (a model the engine refuses to deploy
 * stops the shared application context first, with the engine's message).
 */
@IdeaToServiceTest
class ModelConventionsTest {

	static final Path PROCESSES = Path.of("processes");

	static final Path FORMS = Path.of("forms");

	static final Path TEST_SOURCES = Path.of("src", "test", "java");

	static final String BPMN_NS = "http://www.omg.org/spec/BPMN/20100524/MODEL";

	static final String CAMUNDA_NS = "http://camunda.org/schema/1.0/bpmn";

	/**
	 * Readable element ids: Type_Name, e.g. Task_ScreenIdea, Gateway_ScreeningOutcome,
	 * Flow_Accepted.
	 */
	static final Pattern ELEMENT_ID = Pattern.compile("^[A-Z][A-Za-z]+_[A-Z][A-Za-z0-9]+$");

	/**
	 * Process and decision ids are the keys people and code use: kebab-case, e.g.
	 * idea-to-service.
	 */
	static final Pattern KEY = Pattern.compile("^[a-z][a-z0-9]*(-[a-z0-9]+)*$");

	/**
	 * The type part of an element id, for the element types whose type is not simply its
	 * capitalised XML name.
	 */
	static final Map<String, Set<String>> ID_TYPES = Map.ofEntries(Map.entry("task", Set.of("Task")),
			Map.entry("userTask", Set.of("Task")), Map.entry("serviceTask", Set.of("Task")),
			Map.entry("sendTask", Set.of("Task")), Map.entry("receiveTask", Set.of("Task")),
			Map.entry("scriptTask", Set.of("Task")), Map.entry("businessRuleTask", Set.of("Task")),
			Map.entry("manualTask", Set.of("Task")), Map.entry("exclusiveGateway", Set.of("Gateway")),
			Map.entry("parallelGateway", Set.of("Gateway")), Map.entry("inclusiveGateway", Set.of("Gateway")),
			Map.entry("eventBasedGateway", Set.of("Gateway")), Map.entry("complexGateway", Set.of("Gateway")),
			Map.entry("sequenceFlow", Set.of("Flow")), Map.entry("startEvent", Set.of("StartEvent", "Event")),
			Map.entry("endEvent", Set.of("EndEvent", "Event")),
			Map.entry("boundaryEvent", Set.of("BoundaryEvent", "Event")),
			Map.entry("intermediateCatchEvent", Set.of("Event")), Map.entry("intermediateThrowEvent", Set.of("Event")),
			Map.entry("timerEventDefinition", Set.of("Timer", "TimerEventDefinition")));

	/** Names in expressions that are not beans: the engine's own and Spin's. */
	static final Set<String> ENGINE_NAMES = Set.of("execution", "task", "S", "XML", "JSON", "authenticatedUserId");

	static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);

	static final Pattern DELEGATE_EXPRESSION = Pattern.compile("^\\$\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}$");

	/**
	 * name.method( at the start of a call chain: the name is a bean, a variable or one of
	 * the engine's.
	 */
	static final Pattern METHOD_CALL = Pattern
		.compile("(?<![\\w.$])([A-Za-z_][A-Za-z0-9_]*)\\s*\\.\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*\\(");

	static final Map<Path, BpmnModelInstance> BPMN = new LinkedHashMap<>();

	static final Map<Path, org.w3c.dom.Document> BPMN_XML = new LinkedHashMap<>();

	static final Map<Path, DmnModelInstance> DMN = new LinkedHashMap<>();

	static final Map<Path, JsonNode> FORM_FILES = new LinkedHashMap<>();

	@Autowired
	ApplicationContext context;

	@BeforeAll
	static void readModels() throws Exception {
		DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
		xml.setNamespaceAware(true);
		xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		for (Path file : files(PROCESSES, ".bpmn")) {
			BPMN.put(file, Bpmn.readModelFromFile(file.toFile()));
			BPMN_XML.put(file, xml.newDocumentBuilder().parse(file.toFile()));
		}
		for (Path file : files(PROCESSES, ".dmn")) {
			DMN.put(file, Dmn.readModelFromFile(file.toFile()));
		}
		ObjectMapper json = new ObjectMapper();
		for (Path file : files(FORMS, ".form")) {
			FORM_FILES.put(file, json.readTree(file.toFile()));
		}
		assertThat(BPMN).as("models in %s", PROCESSES.toAbsolutePath()).isNotEmpty();
		assertThat(FORM_FILES).as("forms in %s", FORMS.toAbsolutePath()).isNotEmpty();
	}

	static List<Path> files(Path folder, String extension) throws IOException {
		try (Stream<Path> list = Files.list(folder)) {
			return list.filter(file -> file.getFileName().toString().endsWith(extension)).sorted().toList();
		}
	}

	static String baseName(Path file) {
		String name = file.getFileName().toString();
		return name.substring(0, name.lastIndexOf('.'));
	}

	static String fileName(Path file) {
		return file.getFileName().toString();
	}

	static Set<String> processIds() {
		return BPMN.values()
			.stream()
			.flatMap(model -> model.getModelElementsByType(Process.class).stream())
			.map(Process::getId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	static Set<String> decisionIds() {
		return DMN.values()
			.stream()
			.flatMap(model -> model.getModelElementsByType(Decision.class).stream())
			.map(Decision::getId)
			.collect(Collectors.toCollection(TreeSet::new));
	}

	/** Each BPMN model with its file and a list to report its violations to. */
	static List<String> checkEachModel(ModelCheck check) {
		List<String> violations = new ArrayList<>();
		BPMN.forEach((file, model) -> check.check(fileName(file), model, violations::add));
		return violations;
	}

	interface ModelCheck {

		void check(String file, BpmnModelInstance model, Consumer<String> violation);

	}

	static String describe(FlowNode node) {
		return node.getElementType().getTypeName() + " " + node.getId()
				+ (node.getName() == null ? "" : " ('" + node.getName() + "')");
	}

	/**
	 * Every element of the process and its Camunda extensions (not the diagram), depth
	 * first.
	 */
	static void eachModelElement(Element element, Consumer<Element> action) {
		String namespace = element.getNamespaceURI();
		if (!BPMN_NS.equals(namespace) && !CAMUNDA_NS.equals(namespace)) {
			return;
		}
		action.accept(element);
		NodeList children = element.getChildNodes();
		for (int i = 0; i < children.getLength(); i++) {
			if (children.item(i) instanceof Element child) {
				eachModelElement(child, action);
			}
		}
	}

	/**
	 * Every attribute value and text of the process part of a model, as the engine reads
	 * it (entities decoded).
	 */
	static void eachText(Element element, TextConsumer action) {
		eachModelElement(element, e -> {
			NamedNodeMap attributes = e.getAttributes();
			for (int i = 0; i < attributes.getLength(); i++) {
				Attr attribute = (Attr) attributes.item(i);
				action.accept(e, attribute.getLocalName(), attribute.getValue());
			}
			NodeList children = e.getChildNodes();
			for (int i = 0; i < children.getLength(); i++) {
				Node child = children.item(i);
				if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
					action.accept(e, "#text", child.getNodeValue());
				}
			}
		});
	}

	interface TextConsumer {

		void accept(Element element, String attribute, String value);

	}

	static String where(Element element) {
		for (Node node = element; node instanceof Element e; node = node.getParentNode()) {
			if (!e.getAttribute("id").isEmpty()) {
				return e.getLocalName() + " " + e.getAttribute("id");
			}
		}
		return element.getLocalName();
	}

	// ---- processes

	@Test
	void everyProcessIsExecutableWithATimeToLiveAndNamedLikeItsFile() {
		List<String> violations = checkEachModel((file, model, violation) -> {
			List<Process> processes = List.copyOf(model.getModelElementsByType(Process.class));
			if (processes.size() != 1) {
				violation.accept(file + ": has " + processes.size() + " processes; one process per file");
			}
			for (Process process : processes) {
				if (!process.getId().equals(baseName(Path.of(file)))) {
					violation.accept(file + ": process id '" + process.getId() + "' differs from the file name; "
							+ "rename the file to " + process.getId() + ".bpmn");
				}
				if (!KEY.matcher(process.getId()).matches()) {
					violation.accept(file + ": process id '" + process.getId() + "' is not kebab-case");
				}
				if (!process.isExecutable()) {
					violation.accept(file + ": process " + process.getId() + " is not executable");
				}
				String ttl = process.getCamundaHistoryTimeToLiveString();
				if (ttl == null || ttl.isBlank()) {
					violation.accept(file + ": process " + process.getId() + " has no camunda:historyTimeToLive");
				}
				if (process.getName() == null || process.getName().isBlank()) {
					violation.accept(file + ": process " + process.getId() + " has no name");
				}
			}
		});
		assertThat(violations).as("processes").isEmpty();
	}

	@Test
	void everyElementIdIsTypeAndName() {
		List<String> violations = new ArrayList<>();
		BPMN_XML.forEach((file, xml) -> eachModelElement(xml.getDocumentElement(), element -> {
			String id = element.getAttribute("id");
			if (id.isEmpty()) {
				return;
			}
			String type = element.getLocalName();
			if ("process".equals(type)) {
				return; // a key, checked with the processes
			}
			if (!ELEMENT_ID.matcher(id).matches()) {
				violations
					.add(fileName(file) + ": " + type + " id '" + id + "' is not Type_Name (e.g. Task_ScreenIdea)");
				return;
			}
			Set<String> types = ID_TYPES.getOrDefault(type,
					Set.of(Character.toUpperCase(type.charAt(0)) + type.substring(1)));
			String prefix = id.substring(0, id.indexOf('_'));
			if (!types.contains(prefix)) {
				violations.add(fileName(file) + ": " + type + " id '" + id + "' should start with one of " + types);
			}
		}));
		assertThat(violations).as("element ids").isEmpty();
	}

	@Test
	void everyActivityAndEventHasAName() {
		List<String> violations = checkEachModel((file, model, violation) -> {
			List<FlowNode> nodes = new ArrayList<>();
			nodes.addAll(model.getModelElementsByType(Activity.class));
			nodes.addAll(model.getModelElementsByType(Event.class));
			for (FlowNode node : nodes) {
				if (node.getName() == null || node.getName().isBlank()) {
					violation.accept(file + ": " + describe(node) + " has no name");
				}
			}
		});
		assertThat(violations).as("names of tasks, call activities, sub-processes and events").isEmpty();
	}

	/**
	 * A gateway that decides (exclusive, inclusive, event-based) asks a question. A
	 * parallel gateway decides nothing, so a parallel split needs no name.
	 */
	@Test
	void everyDecidingGatewayAsksAQuestion() {
		List<String> violations = checkEachModel((file, model, violation) -> {
			for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
				if (gateway instanceof ParallelGateway || gateway.getOutgoing().size() < 2) {
					continue;
				}
				String name = gateway.getName();
				if (name == null || !name.strip().endsWith("?")) {
					violation.accept(file + ": " + describe(gateway) + " splits into " + gateway.getOutgoing().size()
							+ " flows; name it with a question ending in '?'");
				}
			}
		});
		assertThat(violations).as("gateway questions").isEmpty();
	}

	@Test
	void everyFlowOutOfADecisionHasAConditionOrIsTheDefault() {
		List<String> violations = checkEachModel((file, model, violation) -> {
			List<Gateway> gateways = new ArrayList<>();
			gateways.addAll(model.getModelElementsByType(ExclusiveGateway.class));
			gateways.addAll(model.getModelElementsByType(InclusiveGateway.class));
			for (Gateway gateway : gateways) {
				if (gateway.getOutgoing().size() < 2) {
					continue;
				}
				SequenceFlow defaultFlow = gateway instanceof ExclusiveGateway exclusive ? exclusive.getDefault()
						: ((InclusiveGateway) gateway).getDefault();
				for (SequenceFlow flow : gateway.getOutgoing()) {
					if (flow != defaultFlow && flow.getConditionExpression() == null) {
						violation.accept(file + ": flow " + flow.getId() + " out of " + describe(gateway)
								+ " has no condition and is not the default flow");
					}
				}
			}
		});
		assertThat(violations).as("conditions of decisions").isEmpty();
	}

	// ---- forms

	@Test
	void everyFormRefResolvesToAFormWithThatId() {
		List<String> violations = checkEachModel((file, model, violation) -> {
			for (FormElement element : formElements(model)) {
				if (element.formRef() == null) {
					if (element.node() instanceof UserTask) {
						violation.accept(file + ": " + describe(element.node()) + " has no camunda:formRef");
					}
					continue;
				}
				Path form = FORMS.resolve(element.formRef() + ".form");
				if (!FORM_FILES.containsKey(form)) {
					violation.accept(file + ": " + describe(element.node()) + " refers to form '" + element.formRef()
							+ "' but " + form + " does not exist");
				}
			}
		});
		FORM_FILES.forEach((file, form) -> {
			String id = form.path("id").asText(null);
			if (!baseName(file).equals(id)) {
				violations.add(file + ": form id '" + id + "' differs from the file name");
			}
		});
		assertThat(violations).as("forms").isEmpty();
	}

	/**
	 * Deadlines are settings by form id (TaskDeadlinesParsePlugin), so a user task
	 * repeats none of them.
	 */
	@Test
	void noUserTaskCarriesItsOwnDeadline() {
		List<String> violations = checkEachModel((file, model, violation) -> {
			for (UserTask task : model.getModelElementsByType(UserTask.class)) {
				if (task.getCamundaDueDate() != null) {
					violation
						.accept(file + ": " + describe(task) + " sets camunda:dueDate; set idea-to-service.deadlines"
								+ ".tasks." + task.getCamundaFormRef() + " in application.yml instead");
				}
				if (task.getExtensionElements() != null && task.getExtensionElements()
					.getElementsQuery()
					.filterByType(org.camunda.bpm.model.bpmn.instance.camunda.CamundaTaskListener.class)
					.list()
					.stream()
					.anyMatch(listener -> "timeout".equals(listener.getCamundaEvent()))) {
					violation.accept(file + ": " + describe(task) + " has a timeout task listener; reminders and "
							+ "escalations come from idea-to-service.deadlines.tasks." + task.getCamundaFormRef());
				}
			}
		});
		assertThat(violations).as("user tasks with their own deadlines").isEmpty();
	}

	@Test
	void everyFormIsUsedByAModel() {
		Set<String> used = BPMN.values()
			.stream()
			.flatMap(model -> formElements(model).stream())
			.map(FormElement::formRef)
			.filter(ref -> ref != null)
			.collect(Collectors.toSet());
		List<String> orphans = FORM_FILES.keySet()
			.stream()
			.filter(file -> !used.contains(baseName(file)))
			.map(file -> file + " is used by no user task or start event in " + PROCESSES)
			.toList();
		assertThat(orphans).as("orphan forms").isEmpty();
	}

	record FormElement(FlowNode node, String formRef) {
	}

	static List<FormElement> formElements(BpmnModelInstance model) {
		List<FormElement> elements = new ArrayList<>();
		model.getModelElementsByType(UserTask.class)
			.forEach(task -> elements.add(new FormElement(task, task.getCamundaFormRef())));
		model.getModelElementsByType(StartEvent.class)
			.forEach(start -> elements.add(new FormElement(start, start.getCamundaFormRef())));
		return elements;
	}

	// ---- beans, called processes and decisions

	@Test
	void everyDelegateExpressionNamesABean() {
		List<String> violations = new ArrayList<>();
		Set<String> checked = new HashSet<>();
		BPMN_XML.forEach((file, xml) -> eachText(xml.getDocumentElement(), (element, attribute, value) -> {
			if (!"delegateExpression".equals(attribute)) {
				return;
			}
			Matcher bean = DELEGATE_EXPRESSION.matcher(value.strip());
			if (!bean.matches()) {
				violations.add(fileName(file) + ": " + where(element) + " has delegateExpression '" + value
						+ "'; use ${beanName}");
			}
			else if (!context.containsBean(bean.group(1))) {
				violations.add(fileName(file) + ": " + where(element) + " names bean '" + bean.group(1)
						+ "', which is not in the application context");
			}
			else {
				checked.add(bean.group(1));
			}
		}));
		assertThat(violations).as("delegate expressions").isEmpty();
		assertThat(checked).as("beans named by delegate expressions").isNotEmpty();
	}

	@Test
	void everyBeanCalledInAnExpressionExists() {
		List<String> violations = new ArrayList<>();
		Set<String> checked = new HashSet<>();
		BPMN_XML.forEach((file, xml) -> {
			Set<String> variables = new HashSet<>(ENGINE_NAMES);
			eachText(xml.getDocumentElement(), (element, attribute, value) -> {
				if ("elementVariable".equals(attribute)) {
					variables.add(value.strip());
				}
			});
			eachText(xml.getDocumentElement(), (element, attribute, value) -> {
				Matcher expression = EXPRESSION.matcher(value);
				while (expression.find()) {
					Matcher call = METHOD_CALL.matcher(expression.group(1));
					while (call.find()) {
						String name = call.group(1);
						String method = call.group(2);
						if (variables.contains(name)) {
							continue;
						}
						if (!context.containsBean(name)) {
							violations.add(fileName(file) + ": " + where(element) + " calls " + name + "." + method
									+ "(..) but there is no bean '" + name + "'");
						}
						else if (!hasPublicMethod(AopUtils.getTargetClass(context.getBean(name)), method)) {
							violations.add(fileName(file) + ": " + where(element) + " calls " + name + "." + method
									+ "(..) but bean '" + name + "' has no public method " + method);
						}
						else {
							checked.add(name);
						}
					}
				}
			});
		});
		assertThat(violations).as("beans in expressions").isEmpty();
		assertThat(checked).as("beans called in expressions").isNotEmpty();
	}

	static boolean hasPublicMethod(Class<?> type, String method) {
		return Arrays.stream(type.getMethods()).map(Method::getName).anyMatch(method::equals);
	}

	/**
	 * A public status or note is set by the element templates "Set public status" and
	 * "Notify the citizen" (processes/element-templates): fields the designer picks, read
	 * by the beans publicStatus and publicNote, never an expression typed by hand.
	 */
	@Test
	void everyPublicStatusAndNoteIsSetByItsTemplate() {
		Set<String> statuses = Arrays.stream(PublicStatus.values()).map(Enum::name).collect(Collectors.toSet());
		List<String> violations = new ArrayList<>();
		BPMN_XML.forEach((file, xml) -> eachModelElement(xml.getDocumentElement(), element -> {
			if (!"executionListener".equals(element.getLocalName())) {
				return;
			}
			String expression = element.getAttribute("expression");
			if (expression.matches("(?s).*ideaStatus\\s*\\.\\s*(change|note)\\s*\\(.*")) {
				violations.add(fileName(file) + ": " + where(element) + " sets the public status in an expression; "
						+ "apply the element template 'Set public status' or 'Notify the citizen'");
			}
			String bean = element.getAttribute("delegateExpression").replaceAll("\\s", "");
			String field = "${publicStatus}".equals(bean) ? "publicStatus"
					: "${publicNote}".equals(bean) ? "publicNote" : null;
			if (field == null) {
				return;
			}
			Element owner = (Element) element.getParentNode().getParentNode();
			if (owner.getAttributeNS(CAMUNDA_NS, "modelerTemplate").isEmpty()) {
				violations
					.add(fileName(file) + ": " + where(element) + " calls " + bean + " without its element template");
			}
			String value = null;
			NodeList properties = ((Element) element.getParentNode()).getElementsByTagNameNS(CAMUNDA_NS, "property");
			for (int i = 0; i < properties.getLength(); i++) {
				Element property = (Element) properties.item(i);
				if (field.equals(property.getAttribute("name"))) {
					value = property.getAttribute("value");
				}
			}
			if (value == null || value.isBlank()) {
				violations.add(fileName(file) + ": " + where(element) + " has no field " + field);
			}
			else if ("publicStatus".equals(field) && !statuses.contains(value)) {
				violations.add(fileName(file) + ": " + where(element) + " sets the public status '" + value
						+ "', which is none of " + new TreeSet<>(statuses));
			}
		}));
		assertThat(violations).as("public status and notes").isEmpty();
	}

	@Test
	void everyCalledElementIsAProcessInProcesses() {
		Set<String> processes = processIds();
		List<String> violations = checkEachModel((file, model, violation) -> {
			for (CallActivity call : model.getModelElementsByType(CallActivity.class)) {
				if (!processes.contains(call.getCalledElement())) {
					violation.accept(file + ": " + describe(call) + " calls '" + call.getCalledElement()
							+ "', which is none of the processes in " + PROCESSES + " " + processes);
				}
			}
		});
		assertThat(violations).as("called elements").isEmpty();
	}

	@Test
	void everyDecisionRefIsADecisionInProcesses() {
		Set<String> decisions = decisionIds();
		List<String> violations = checkEachModel((file, model, violation) -> {
			for (BusinessRuleTask task : model.getModelElementsByType(BusinessRuleTask.class)) {
				String ref = task.getCamundaDecisionRef();
				if (ref != null && !decisions.contains(ref)) {
					violation.accept(file + ": " + describe(task) + " evaluates '" + ref
							+ "', which is none of the decisions in " + PROCESSES + " " + decisions);
				}
			}
		});
		assertThat(violations).as("decision refs").isEmpty();
	}

	// ---- tests

	@Test
	void everyProcessAndDecisionHasATest() throws IOException {
		String thisTest = getClass().getSimpleName() + ".java";
		List<String> sources = new ArrayList<>();
		try (Stream<Path> walk = Files.walk(TEST_SOURCES)) {
			for (Path file : walk.filter(f -> f.toString().endsWith(".java")).toList()) {
				if (!fileName(file).equals(thisTest)) {
					sources.add(Files.readString(file));
				}
			}
		}
		Map<String, String> constants = processKeyConstants();
		List<String> untested = new ArrayList<>();
		Set<String> keys = new TreeSet<>(processIds());
		keys.addAll(decisionIds());
		for (String key : keys) {
			String constant = constants.get(key);
			boolean tested = sources.stream()
				.anyMatch(source -> source.contains("\"" + key + "\"")
						|| (constant != null && source.contains("ProcessKeys." + constant)));
			if (!tested) {
				untested.add(key + ": no test under " + TEST_SOURCES + " mentions \"" + key + "\""
						+ (constant == null ? "" : " or ProcessKeys." + constant));
			}
		}
		assertThat(untested).as("models without a test").isEmpty();
	}

	/** Process key to the name of its constant in {@link ProcessKeys}. */
	static Map<String, String> processKeyConstants() {
		Map<String, String> constants = new LinkedHashMap<>();
		for (Field field : ProcessKeys.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
				try {
					constants.put((String) field.get(null), field.getName());
				}
				catch (IllegalAccessException ex) {
					throw new IllegalStateException(ex);
				}
			}
		}
		return constants;
	}

	// ---- decisions

	@Test
	void everyDecisionHasATimeToLiveAndItsFileIsNamedAfterIt() {
		List<String> violations = new ArrayList<>();
		DMN.forEach((file, model) -> {
			List<Decision> decisions = List.copyOf(model.getModelElementsByType(Decision.class));
			if (decisions.stream().noneMatch(decision -> decision.getId().equals(baseName(file)))) {
				violations.add(fileName(file) + ": no decision has the id '" + baseName(file) + "' of the file");
			}
			for (Decision decision : decisions) {
				if (!KEY.matcher(decision.getId()).matches()) {
					violations.add(fileName(file) + ": decision id '" + decision.getId() + "' is not kebab-case");
				}
				String ttl = decision.getCamundaHistoryTimeToLiveString();
				if (ttl == null || ttl.isBlank()) {
					violations
						.add(fileName(file) + ": decision " + decision.getId() + " has no camunda:historyTimeToLive");
				}
			}
		});
		assertThat(violations).as("decisions").isEmpty();
	}

}
