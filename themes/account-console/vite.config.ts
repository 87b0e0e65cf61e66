import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Keycloak's account console page (index.ftl of keycloak.v3, the parent theme) reads
// resources/.vite/manifest.json to find the entry script and styles, so the build writes
// straight into the theme's resources in the themes jar (MX_THEME_RESOURCES, set by Maven).
export default defineConfig({
  base: "",
  plugins: [react()],
  build: {
    outDir: process.env.MX_THEME_RESOURCES ?? "dist",
    emptyOutDir: true,
    manifest: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4000,
    rollupOptions: { input: "src/main.tsx" },
  },
});
