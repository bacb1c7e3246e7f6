# API + web on one port. Build: docker build -t compact-voices .
FROM node:26-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json .npmrc ./
COPY libs/shared/contracts/package.json libs/shared/contracts/package.json
RUN npm ci --no-audit --no-fund
COPY . .
RUN NX_NO_CLOUD=true NX_DAEMON=false npx nx run-many -t build -p contracts api web --output-style=static \
 && npm prune --omit=dev

FROM node:26-bookworm-slim
# Fonts for every script the interface ships (Latin, Devanagari, Bengali, Thai, Arabic, Urdu, Cyrillic,
# Vietnamese, Chinese), for the PDF report: Debian's Noto families, and DejaVu for Latin.
RUN apt-get update \
 && apt-get install -y --no-install-recommends fonts-dejavu-core fonts-noto-core fonts-noto-cjk \
 && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production PORT=3000 DATA_DIR=/data
WORKDIR /app
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/libs/shared/contracts/package.json libs/shared/contracts/package.json
COPY --from=build /app/libs/shared/contracts/dist libs/shared/contracts/dist
COPY --from=build /app/apps/api/dist apps/api/dist
COPY --from=build /app/apps/web/dist apps/web/dist
# The server render of reader pages (apps/web/src/entry-server.tsx), imported by the API.
COPY --from=build /app/apps/web/dist-server apps/web/dist-server
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
CMD ["node", "apps/api/dist/main.js"]
