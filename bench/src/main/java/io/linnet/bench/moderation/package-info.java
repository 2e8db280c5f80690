/**
 * The moderation matcher's benchmark: JMH over {@link io.linnet.moderation.rule.RuleSet} with
 * 10,000 keywords on chat texts, in MB/s; {@link io.linnet.bench.moderation.MatcherBenchmark} runs it
 * and {@code bench/run matcher} builds and calls that. No server: the matcher is plain Java.
 */
package io.linnet.bench.moderation;
