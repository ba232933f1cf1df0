# syntax=docker/dockerfile:1
# The production image: the slim jar (no embedded PostgreSQL: DATABASE_URL is required), a JRE, a
# numeric non-root user. Multi-architecture, built and pushed with one command:
#   docker buildx build --platform linux/amd64,linux/arm64 -t REGISTRY/bossreview:0.1.0 --push .
# Base images are pinned by tag AND digest (the multi-architecture index); to move to a newer
# patch, change both (`docker buildx imagetools inspect IMAGE:TAG` prints the digest).

# ---- build -------------------------------------------------------------------
# On the build machine's own architecture: the jar is the same bytes for every platform, so it is
# built once, without emulation, and copied into each platform's runtime stage.
FROM --platform=$BUILDPLATFORM maven:3.9.11-eclipse-temurin-25@sha256:407c4423cec0cf2981055bc2c6c0dc211d9605b6669279b95997f2d1c7e91e2c AS build
WORKDIR /build

# Dependencies first, so this layer is cached until pom.xml changes.
COPY pom.xml .
COPY .mvn ./.mvn
RUN mvn -B -q dependency:go-offline

COPY src ./src
# Writes target/bossreview-slim.jar (and the quick-start jar, unused here).
RUN mvn -B -q -DskipTests package

# ---- runtime -----------------------------------------------------------------
FROM eclipse-temurin:25.0.3_9-jre@sha256:a214efa3200af4b657e41935799aa12d7aee3336fdb42eb505a0948f6ecdd983

# A fixed numeric UID/GID, so that Kubernetes' runAsNonRoot can check it (a name cannot be).
RUN groupadd --system --gid 10001 bossreview \
 && useradd --system --uid 10001 --gid 10001 --no-create-home --home-dir /app --shell /usr/sbin/nologin bossreview

WORKDIR /app
COPY --from=build /build/target/bossreview-slim.jar /app/bossreview.jar

# JDK_JAVA_OPTIONS, so that a deployment can change the heap's share (deploy/k8s sets 60 %).
ENV PORT=3000 \
    JDK_JAVA_OPTIONS=-XX:MaxRAMPercentage=75
USER 10001:10001
EXPOSE 3000

# /readyz: 200 once the database answers, the scheduler runs and the warm-up is over; 503 while
# draining on SIGTERM. (Kubernetes ignores this and uses the probes in deploy/k8s.) eclipse-temurin's
# Ubuntu images ship curl.
HEALTHCHECK --interval=30s --timeout=5s --start-period=90s --retries=3 \
  CMD curl -fsS -o /dev/null "http://127.0.0.1:${PORT}/readyz" || exit 1

ENTRYPOINT ["java", "-jar", "/app/bossreview.jar"]
