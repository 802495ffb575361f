# The app (CLI, orchestrator, workers, console, action server): Python 3.11 + .venv deps.
FROM python:3.11-slim-bookworm
RUN apt-get update && apt-get install -y --no-install-recommends espeak-ng libsndfile1 \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /app
COPY pyproject.toml README.md ./
COPY bot ./bot
COPY voice ./voice
RUN pip install --no-cache-dir .
COPY dialogues ./dialogues
COPY scripts_library ./scripts_library
ENV KINDCALL_VAR=/data
VOLUME ["/data"]
ENTRYPOINT ["kindcall"]
