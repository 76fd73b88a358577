package city.ideatoservice.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

import org.HdrHistogram.Histogram;

/**
 * A closed-loop HTTP load driver: a number of clients, each sending its next request as
 * soon as the last is answered, over Java's HttpClient with kept-alive connections; every
 * latency recorded in an HdrHistogram (microseconds, 3 significant digits).
 */
final class HttpLoad {

	private final HttpClient client = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(10))
		.build();

	/** What one run of the load gave. */
	record Result(int clients, int requests, int errors, double seconds, Histogram latencies) {

		double perSecond() {
			return (requests - errors) / seconds;
		}

		double millis(double percentile) {
			return latencies.getValueAtPercentile(percentile) / 1000.0;
		}

		Map<String, Object> toMap() {
			Map<String, Object> map = new LinkedHashMap<>();
			map.put("clients", clients);
			map.put("requests", requests);
			map.put("errors", errors);
			map.put("seconds", round(seconds));
			map.put("perSecond", round(perSecond()));
			map.put("p50Ms", round(millis(50)));
			map.put("p95Ms", round(millis(95)));
			map.put("p99Ms", round(millis(99)));
			map.put("maxMs", round(latencies.getMaxValue() / 1000.0));
			return map;
		}

	}

	/**
	 * Sends requests 0 to count - 1 from this many clients; an answer with another status
	 * than expected is an error (its latency is recorded too).
	 */
	Result run(int clients, int count, int expectedStatus, IntFunction<HttpRequest> request) throws Exception {
		AtomicInteger next = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<Histogram> histograms = new ArrayList<>();
		List<Thread> threads = new ArrayList<>();
		List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
		long start = System.nanoTime();
		for (int c = 0; c < clients; c++) {
			Histogram histogram = new Histogram(3_600_000_000L, 3);
			histograms.add(histogram);
			Thread thread = new Thread(() -> {
				for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
					HttpRequest httpRequest = request.apply(i);
					long sent = System.nanoTime();
					try {
						HttpResponse<String> response = client.send(httpRequest, HttpResponse.BodyHandlers.ofString());
						if (response.statusCode() != expectedStatus) {
							if (errors.getAndIncrement() < 3) {
								System.err.println("bench: " + response.statusCode() + " from " + httpRequest.uri()
										+ ": " + response.body().substring(0, Math.min(300, response.body().length())));
							}
						}
					}
					catch (Exception failed) {
						errors.incrementAndGet();
						failures.add(failed);
					}
					histogram.recordValue(Math.max(1, (System.nanoTime() - sent) / 1000));
				}
			}, "bench-client-" + c);
			threads.add(thread);
			thread.start();
		}
		for (Thread thread : threads) {
			thread.join();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		Histogram all = new Histogram(3_600_000_000L, 3);
		histograms.forEach(all::add);
		if (!failures.isEmpty()) {
			System.err.println("bench: " + failures.size() + " requests failed, first: " + failures.get(0));
		}
		return new Result(clients, count, errors.get(), seconds, all);
	}

	/** One request's status and body. */
	HttpResponse<String> send(HttpRequest request) throws Exception {
		return client.send(request, HttpResponse.BodyHandlers.ofString());
	}

	static HttpRequest.Builder json(String url, String body) {
		return HttpRequest.newBuilder(URI.create(url))
			.timeout(Duration.ofSeconds(60))
			.header("Content-Type", "application/json")
			.header("Accept", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body));
	}

	static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}

}
