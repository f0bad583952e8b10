import { useEffect } from 'react';
import { publicDataSettled } from './data';
import { KEYS, readStored, writeStored } from './storage';

/*
 * IBM Plex Sans Arabic is used once <html> has the class `fonts` (styles.css). On a first visit the page is drawn
 * with the phone's own font, and the face is asked for only once the page has painted with its data: its ~130 KB
 * then never hold up the first screen on a slow connection, and the re-layout it causes comes after the page's
 * main content, not before. Once loaded it stays in the browser's cache (a year, immutable), and a mark on the
 * device lets later visits use it from the first paint.
 */
const applyFonts = () => document.documentElement.classList.add('fonts');
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/** Before the first render: the face from the start when this device has loaded it before. */
export function fontsFromStartIfCached(): void {
  if (readStored<boolean>(KEYS.fonts)) applyFonts();
}

/** After the first paint and the page's data: the face for everyone, and the mark once it has arrived. */
export function useFontsAfterFirstPaint(): void {
  useEffect(() => {
    let cancelled = false;
    afterNextPaint()
      .then(publicDataSettled)
      .then(afterNextPaint)
      .then(() => {
        if (cancelled) return;
        applyFonts();
        return document.fonts?.load('1em "IBM Plex Sans Arabic"', 'ب').then((faces) => {
          if (faces.length > 0) writeStored(KEYS.fonts, true);
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);
}
