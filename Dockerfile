# syntax=docker/dockerfile:1

# ---- build -------------------------------------------------------------------
FROM maven:3.9.11-eclipse-temurin-25 AS build
WORKDIR /build

# Dependencies first, so this layer is cached until pom.xml changes.
COPY pom.xml .
RUN mvn -B dependency:go-offline

COPY src ./src
RUN mvn -B -DskipTests package

# ---- runtime -----------------------------------------------------------------
FROM eclipse-temurin:25.0.3_9-jre

# Run as an unprivileged user (the embedded PostgreSQL used when DATABASE_URL is unset refuses
# to run as root anyway). Its data goes to /app/data; mount a volume there to keep it.
RUN groupadd --system bossreview \
 && useradd --system --gid bossreview --home-dir /app --shell /usr/sbin/nologin bossreview \
 && mkdir -p /app/data \
 && chown -R bossreview:bossreview /app

WORKDIR /app
COPY --from=build --chown=bossreview:bossreview /build/target/bossreview.jar /app/bossreview.jar

ENV PORT=3000 \
    BOSSREVIEW_DATA_DIR=/app/data

USER bossreview
EXPOSE 3000

# No HEALTHCHECK here: docker-compose.yml defines one against GET /healthz.
ENTRYPOINT ["java", "-XX:MaxRAMPercentage=75", "-jar", "/app/bossreview.jar"]
