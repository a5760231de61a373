/**
 * JMH benchmarks. Build and run:
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -jar bench/target/benchmarks.jar CurriculumCheckBenchmark
 * </pre>
 */
package org.cadre.bench;
