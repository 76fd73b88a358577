package city.ideatoservice;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The feature packages (idea, screening, funding, organisation, demo, ...) depend on each
 * other without cycles, so each can be read, tested and changed from its own folder.
 */
@AnalyzeClasses(packages = "city.ideatoservice", importOptions = ImportOption.DoNotIncludeTests.class)
class PackageDependenciesTest {

	@ArchTest
	static final ArchRule noCyclesBetweenFeaturePackages = slices().matching("city.ideatoservice.(*)..")
		.should()
		.beFreeOfCycles();

}
