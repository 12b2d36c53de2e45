import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// The web UI is built into dist/web and served by the same server as the API. Pages are loaded
// lazily; the libraries every page needs are split into a few cacheable vendor chunks, which keeps
// each chunk under Vite's 500 kB warning.
export default defineConfig({
  root: "web",
  plugins: [react()],
  build: {
    outDir: "../dist/web",
    emptyOutDir: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: "react", test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 30 },
            { name: "router", test: /node_modules[\\/](react-router|cookie|set-cookie-parser)[\\/]/, priority: 20 },
            { name: "i18n", test: /node_modules[\\/](i18next|react-i18next|html-parse-stringify|void-elements)[\\/]/, priority: 20 },
            { name: "nl-design-system", test: /node_modules[\\/]@utrecht[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: { proxy: { "/api": "http://localhost:3000" } },
});
