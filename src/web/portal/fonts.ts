import { useEffect } from 'react';
import { publicDataSettled } from './data';
import { KEYS, readStored, writeStored } from './storage';

/*
 * IBM Plex Sans Arabic is used once <html> has the class `fonts` (styles.css). On a first visit the page is drawn
 * with the phone's own font, and the face is asked for only once the page itself (its heading, after its chunk and
 * its data) has painted: its ~90 KB
 * then never hold up the first screen on a slow connection, and the re-layout it causes comes after the page's
 * main content, not before. Once loaded it stays in the browser's cache (a year, immutable), and a mark on the
 * device lets later visits use it from the first paint.
 */
const applyFonts = () => document.documentElement.classList.add('fonts');
const afterNextPaint = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve)));

/**
 * Resolves once the page's own heading is in <main>: the header paints long before a page whose chunk or data is
 * still on its way, and fonts fetched in that gap held up the page's largest paint (tracking, rights). At most
 * 4 s, so that a page without a heading still gets the face.
 */
function pageDrawn(): Promise<void> {
  return new Promise((resolve) => {
    const main = document.getElementById('main');
    const ready = () => !main || main.querySelector('h1') !== null;
    if (ready()) return resolve();
    const observer = new MutationObserver(() => {
      if (ready()) done();
    });
    const timer = window.setTimeout(() => done(), 4000);
    function done() {
      observer.disconnect();
      window.clearTimeout(timer);
      resolve();
    }
    observer.observe(main as HTMLElement, { childList: true, subtree: true });
  });
}

/** Before the first render: the face from the start when this device has loaded it before. */
export function fontsFromStartIfCached(): void {
  if (readStored<boolean>(KEYS.fonts)) applyFonts();
}

/** After the page and its data have painted: the face for everyone, and the mark once it has arrived. */
export function useFontsAfterFirstPaint(): void {
  useEffect(() => {
    let cancelled = false;
    afterNextPaint()
      .then(pageDrawn)
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
