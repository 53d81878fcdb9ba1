# Image of the budget service (docs/operations.md, "Images"). Build from the repository root:
#   docker build --network host -f docker/budget.Dockerfile \
#     --build-arg VERSION=$(node -p "require('./package.json').version") -t ambito/budget:<version> .
# Three steps: build (whole workspace, dev tools), its production dependencies alone (the npm packages
# the app and its libraries import, pruned from the lock file by tools/docker/pruned-package.cjs), and
# the runtime: Node 22, non-root (uid 1000), nothing written at run time (read-only root filesystem).
ARG NODE_IMAGE=node:22-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /app
ENV NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false NX_SKIP_NX_CACHE=true
# The same first layers in every service's Dockerfile: one `npm ci` serves all the images of a build.
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
COPY . .
RUN npx nx run budget:build --outputStyle=static \
  && node tools/docker/pruned-package.cjs budget /deps \
  && cd /deps && npm ci --omit=dev --ignore-scripts --prefer-offline --no-audit --no-fund --loglevel=error

FROM ${NODE_IMAGE}
ARG VERSION=0.0.0-dev
ARG REVISION=unknown
# The repository the image was built from: package.json "repository" (tools/ci/images.sh passes it).
ARG SOURCE=unknown
LABEL org.opencontainers.image.title="ambito-budget" \
      org.opencontainers.image.description="Piattaforma d'Ambito: servizio budget" \
      org.opencontainers.image.version="${VERSION}" \
      org.opencontainers.image.revision="${REVISION}" \
      org.opencontainers.image.source="${SOURCE}" \
      org.opencontainers.image.licenses="EUPL-1.2" \
      org.opencontainers.image.vendor="Piattaforma d'Ambito"
ENV NODE_ENV=production HTTP_HOST=0.0.0.0 HTTP_PORT=3102 AMBITO_VERSION=${VERSION}
WORKDIR /app

# Owned by root and read-only to the runtime user: the process can change nothing of its own code.
COPY --from=build /deps/package.json ./package.json
COPY --from=build /deps/node_modules ./node_modules
COPY --from=build /app/tsconfig.base.json ./
COPY --from=build /app/tools/runtime ./tools/runtime
# The app and the libraries alone: its build also compiles the apps its tests start (Nx's ^build).
COPY --from=build /app/dist/libs ./dist/libs
COPY --from=build /app/dist/apps/budget ./dist/apps/budget
# Numeric, so that Kubernetes can check runAsNonRoot.
USER 1000:1000
EXPOSE 3102
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+process.env.HTTP_PORT+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# SIGTERM reaches node directly (exec form): Nest drains NATS and closes the pool before exiting.
# `… main.js migrate` applies the migrations and exits (the Job before a rollout).
CMD ["node", "-r", "./tools/runtime/register.js", "dist/apps/budget/src/main.js"]
