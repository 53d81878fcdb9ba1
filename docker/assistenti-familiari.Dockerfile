# Image of the assistenti-familiari service. Build from the repository root:
#   docker build -f docker/assistenti-familiari.Dockerfile -t ambito/assistenti-familiari .
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY . .
RUN NX_DAEMON=false npx nx run assistenti-familiari:build --skip-nx-cache && npm prune --omit=dev --ignore-scripts

FROM node:20-bookworm-slim
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/tsconfig.base.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/tools/runtime ./tools/runtime
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3105
HEALTHCHECK --interval=10s --timeout=3s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:3105/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
# SIGTERM reaches node directly (exec form): Nest drains NATS and closes the pool before exiting.
CMD ["node", "-r", "./tools/runtime/register.js", "dist/apps/assistenti-familiari/src/main.js"]
