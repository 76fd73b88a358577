package city.ideatoservice.web;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * A token bucket (Bucket4j) per client, in memory. At most {@code maxClients} are
 * remembered; the least recently seen is forgotten first, so that a flood of addresses
 * costs bounded memory (a forgotten client starts with a full bucket).
 */
public final class RateLimiter {

	private final RateLimitProperties.Limit limit;

	private final Map<String, Bucket> buckets;

	public RateLimiter(RateLimitProperties.Limit limit, int maxClients) {
		this.limit = limit;
		this.buckets = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
				return size() > maxClients;
			}
		};
	}

	/**
	 * Takes one token of the client's bucket: empty when allowed, otherwise how long
	 * until the next one.
	 */
	public Optional<Duration> tryTake(String client) {
		ConsumptionProbe probe = bucket(client).tryConsumeAndReturnRemaining(1);
		return probe.isConsumed() ? Optional.empty() : Optional.of(Duration.ofNanos(probe.getNanosToWaitForRefill()));
	}

	/**
	 * How long until the client's bucket has a token again, without taking one; empty
	 * when it has one now.
	 */
	public Optional<Duration> waitFor(String client) {
		long nanos = bucket(client).estimateAbilityToConsume(1).getNanosToWaitForRefill();
		return nanos <= 0 ? Optional.empty() : Optional.of(Duration.ofNanos(nanos));
	}

	private Bucket bucket(String client) {
		synchronized (buckets) {
			return buckets.computeIfAbsent(client,
					key -> Bucket.builder()
						.addLimit(Bandwidth.builder()
							.capacity(limit.requests())
							.refillGreedy(limit.requests(), limit.per())
							.build())
						.build());
		}
	}

}
