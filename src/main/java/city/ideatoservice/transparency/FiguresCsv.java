package city.ideatoservice.transparency;

/**
 * The figures as one CSV table, one row per number: {@code figure,category,year,value}
 * (days with one decimal, money in euro cents).
 */
final class FiguresCsv {

	private FiguresCsv() {
	}

	static String of(Figures.CityFigures figures) {
		Csv csv = new Csv("figure", "category", "year", "value");
		csv.row("ideas", "", "", figures.ideas());
		figures.ideasByStatus().forEach(c -> csv.row("ideas_by_status", c.key(), "", c.count()));
		figures.ideasByTheme().forEach(c -> csv.row("ideas_by_theme", c.key(), "", c.count()));
		figures.ideasByReach().forEach(c -> csv.row("ideas_by_reach", c.key(), "", c.count()));
		for (Figures.StageDays stage : figures.daysPerStage()) {
			csv.row("ideas_through_stage", stage.stage(), "", stage.ideas());
			csv.row("median_days_in_stage", stage.stage(), "", stage.medianDays());
			csv.row("p90_days_in_stage", stage.stage(), "", stage.p90Days());
		}
		figures.datasetsByDepartment().forEach(d -> csv.row("datasets_opened", d.department(), "", d.datasets()));
		csv.row("ideas_reached", "LIVE", "", figures.reachedLive());
		csv.row("ideas_reached", "RETIRED", "", figures.reachedRetired());
		figures.fundingGranted()
			.forEach(g -> csv.row("funding_granted_cents", g.department(), g.year(), g.grantedCents()));
		for (Checklists.CitySummary item : figures.checklist()) {
			csv.row("checklist_met", item.item(), "", item.met());
			csv.row("checklist_ideas", item.item(), "", item.ideas());
		}
		return csv.toString();
	}

}
