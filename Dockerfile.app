# syntax=docker/dockerfile:1
# The Readiness GitHub App (src/app). Build: docker build -f Dockerfile.app -t readiness-app .
# Run:   docker run -p 3000:3000 -e APP_ID -e PRIVATE_KEY -e WEBHOOK_SECRET readiness-app
# Three stages: TypeScript is compiled with the dev tools, production dependencies are installed
# without them, and the final image holds only those two results and runs as the unprivileged
# `node` user. Install scripts are disabled: nothing from a dependency runs at build time.

# The current Node.js LTS (24, 'Krypton', supported until April 2028), pinned to a release.
ARG NODE_IMAGE=node:24.18.0-bookworm-slim

FROM ${NODE_IMAGE} AS build
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --ignore-scripts --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
# Our code in one ESM file; npm packages stay external and come from the production install below.
RUN npx esbuild src/app/main.ts --bundle --platform=node --format=esm --target=node24 \
      --packages=external --sourcemap --outfile=build/app.mjs

FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
ENV NODE_ENV=production \
    PORT=3000 \
    HOST=0.0.0.0 \
    LOG_FORMAT=json \
    LOG_LEVEL=info
WORKDIR /app
COPY --from=deps --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /src/build/app.mjs /src/build/app.mjs.map ./
USER node
EXPOSE 3000
HEALTHCHECK --interval=30s --timeout=5s --start-period=15s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT}/healthz`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
STOPSIGNAL SIGTERM
CMD ["node", "--enable-source-maps", "app.mjs"]
