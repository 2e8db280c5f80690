# Builds the Linnet server and runs it as a non-root user on a Java 25 runtime.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
COPY tenancy/pom.xml tenancy/
COPY messaging-core/pom.xml messaging-core/
COPY moderation/pom.xml moderation/
COPY push-core/pom.xml push-core/
COPY analytics/pom.xml analytics/
COPY billing/pom.xml billing/
COPY tenant-admin-ui/pom.xml tenant-admin-ui/
COPY server/pom.xml server/
COPY bench/pom.xml bench/
COPY . .
RUN ./mvnw -B -q package -DskipTests -pl server -am

FROM eclipse-temurin:25-jre
RUN apt-get update \
 && apt-get install -y --no-install-recommends curl \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/linnet --create-home linnet
WORKDIR /app
COPY --from=build /src/server/target/linnet-server.jar /app/linnet-server.jar
USER 10001
ENV LINNET_DATA_DIR=/var/lib/linnet \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
EXPOSE 8080 8081
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=5 \
  CMD curl -fsS http://localhost:8080/actuator/health/readiness || exit 1
ENTRYPOINT ["java", "-jar", "/app/linnet-server.jar"]
