package city.ideatoservice.approval;

import static city.ideatoservice.process.ProcessVariables.IMPLEMENTING_DEPARTMENTS;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import city.ideatoservice.organisation.Departments;
import city.ideatoservice.organisation.Groups;
import city.ideatoservice.process.FormInput;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Who approves a service: every implementing department, plus legal, IT and finance. */
@Component("approvals")
public class Approvals {

	static final List<String> ALWAYS = List.of(Groups.LEGAL, Groups.IT, Groups.FINANCE);

	private final Departments departments;

	Approvals(Departments departments) {
		this.departments = departments;
	}

	public List<String> approverGroups(DelegateExecution execution) {
		Set<String> groups = new LinkedHashSet<>(
				FormInput.of(execution).choices(IMPLEMENTING_DEPARTMENTS, departments.groupIds()));
		groups.addAll(ALWAYS);
		return new ArrayList<>(groups);
	}

}
