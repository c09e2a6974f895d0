# One image for every role: `migrate` (dist/scripts/migrate.js), `web`
# (next start) and `worker` (dist/worker/index.js), built once.
#
# The build steps are the scripts CI runs on the same tree, in the same
# order (see .ci/run); tests/unit/docker-build.test.ts fails when they drift,
# and .dockerignore leaves out only untracked files, so the context is the
# checkout CI tests.
FROM node:24-bookworm-slim AS build
WORKDIR /app
COPY . .
RUN sh scripts/install.sh
RUN npm run build

# The runtime stage drops npm's download cache and runs as the unprivileged
# `node` user of the base image. Root owns the application's files and the
# `node` user can only read and run them, so a compromised process cannot
# rewrite its own code; it owns only the folder Next.js writes at run time
# (.next/cache: optimised images, fetch cache).
FROM node:24-bookworm-slim
WORKDIR /app
ENV NODE_ENV=production NEXT_TELEMETRY_DISABLED=1
COPY --from=build /app /app
RUN mkdir -p .next/cache && chown -R node:node .next/cache
USER node
EXPOSE 3000
# The web server's heap options (scripts/heap-options.ts); compose sets the same.
CMD ["node", "--max-semi-space-size=32", "--max-old-space-size=256", "node_modules/next/dist/bin/next", "start", "-p", "3000"]
