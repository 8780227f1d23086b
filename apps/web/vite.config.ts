import tailwindcss from "@tailwindcss/vite";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// In dev the API runs on its own port (apps/api `dev`); Vite forwards the API paths to it so the
// browser sees one origin. In tests and production the API serves the built dist/ itself.
const devApi = process.env.API_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  plugins: [react(), tailwindcss()],
  server: {
    port: 5173,
    strictPort: true,
    proxy: { "/trpc": devApi, "/health": devApi },
  },
  build: { outDir: "dist", emptyOutDir: true },
});
