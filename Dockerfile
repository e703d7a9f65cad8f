# ticket-alarm image: build on Debian 12 with the "build" packages of scripts/packages.txt, run on
# Debian 12 slim with its "run" packages. scripts/packages.txt is the one package list; a test
# (tests/ops/dockerfile_test.cpp) checks that both stages install from it.
#
#   docker build -t ticket-alarm .
#   docker run -d --name ticket-alarm -e TICKET_ALARM_WEBHOOK_URL=... -v ticket-alarm-data:/data \
#     -p 127.0.0.1:8000:8000 ticket-alarm
# See docs/운영가이드.md.

FROM debian:bookworm AS build
ENV DEBIAN_FRONTEND=noninteractive
COPY scripts/packages.txt /tmp/packages.txt
RUN apt-get update \
 && apt-get install -y --no-install-recommends $(awk '$1=="build" {print $2}' /tmp/packages.txt) \
 && rm -rf /var/lib/apt/lists/*

WORKDIR /src
COPY . .
RUN cmake -S . -B /build -DCMAKE_BUILD_TYPE=RelWithDebInfo \
 && cmake --build /build --target ticket-alarm -j"$(nproc)" \
 && cmake --install /build --prefix /usr/local --strip \
 && deploy/runtime-packages.sh /usr/local/bin/ticket-alarm > /runtime-packages.txt

FROM debian:bookworm-slim
ENV DEBIAN_FRONTEND=noninteractive
COPY scripts/packages.txt /tmp/packages.txt
COPY --from=build /runtime-packages.txt /tmp/runtime-packages.txt
# tini is PID 1: it reaps the Chromium helper processes orphaned when a browser is recycled, and
# forwards docker stop's SIGTERM so the monitor shuts down cleanly. curl serves the HEALTHCHECK.
RUN apt-get update \
 && apt-get install -y --no-install-recommends tini curl \
      $(awk '$1=="run" {print $2}' /tmp/packages.txt) $(cat /tmp/runtime-packages.txt) \
 && rm -rf /var/lib/apt/lists/* /tmp/packages.txt /tmp/runtime-packages.txt

COPY --from=build /usr/local/bin/ticket-alarm /usr/local/bin/ticket-alarm
COPY --from=build /usr/local/share/ticket-alarm /usr/local/share/ticket-alarm
# The image's settings: data and logs in /data, the dashboard reachable through -p. Chromium's
# own sandbox needs user namespaces that Docker's default seccomp profile forbids; the container
# is the sandbox here.
COPY deploy/docker-config.json /etc/ticket-alarm/config.json

# A fixed uid, so a bind-mounted host folder can be given to it: chown -R 10001:10001 ./data
RUN groupadd --system --gid 10001 ticket \
 && useradd --system --uid 10001 --gid ticket --home-dir /data --shell /usr/sbin/nologin ticket \
 && mkdir -p /data \
 && chown ticket:ticket /data

# Configuration: the image's file by default; mount your own and point TICKET_ALARM_CONFIG at it
# (-v ./config.json:/config/config.json:ro -e TICKET_ALARM_CONFIG=/config/config.json), or pass
# only the webhook with TICKET_ALARM_WEBHOOK_URL.
ENV TICKET_ALARM_CONFIG=/etc/ticket-alarm/config.json \
    TZ=Asia/Seoul \
    HOME=/data
VOLUME /data
WORKDIR /data
USER ticket
EXPOSE 8000

HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 \
  CMD curl -fsS --max-time 8 http://127.0.0.1:8000/healthz || exit 1

ENTRYPOINT ["/usr/bin/tini", "--"]
CMD ["ticket-alarm", "run", "--web"]
