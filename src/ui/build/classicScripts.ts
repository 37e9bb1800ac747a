/**
 * Build plugin: the built index.html loads one classic (non-module) script and a plain stylesheet
 * link, so the game also runs when a teacher opens dist/index.html straight from a folder or a USB
 * stick (file://), where browsers refuse module scripts and crossorigin requests. The bundle is a
 * single IIFE (no code splitting), so nothing is fetched at run time.
 */
import type { Plugin } from 'vite';

export function classicScripts(): Plugin {
  return {
    name: 'shopsim-classic-scripts',
    apply: 'build',
    enforce: 'post',
    config() {
      return {
        build: {
          modulePreload: false,
          rolldownOptions: {
            output: { format: 'iife', codeSplitting: false },
            // An IIFE has no import.meta; the bundler makes it {} anyway (pixi.js and Vite's preload
            // helper read it only for code splitting, which is off). Said here, so the build log is clean.
            transform: { define: { 'import.meta': '{}' } },
          },
        },
      };
    },
    transformIndexHtml(html) {
      return html
        .replace(/<script type="module" crossorigin src="([^"]+)"><\/script>/g, '<script defer src="$1"></script>')
        .replace(/<link rel="stylesheet" crossorigin href=/g, '<link rel="stylesheet" href=');
    },
  };
}
