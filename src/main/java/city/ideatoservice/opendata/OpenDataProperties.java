package city.ideatoservice.opendata;

import jakarta.validation.constraints.Min;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The guidebook's rule: at least five datasets from different departments before the
 * pilot.
 */
@Validated
@ConfigurationProperties("idea-to-service.open-data")
public record OpenDataProperties(@Min(0) int minDatasets, @Min(0) int minDepartments) {

}
