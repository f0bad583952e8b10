import { useEffect, useState } from 'react';
import { publicDataSettled } from './data';
import { KEYS, readStored, writeStored } from './storage';

/*
 * IBM Plex Sans Arabic is used once <html> has the class `fonts` (styles.css). On a first visit the page is drawn
 * with the phone's own font; once the page itself (its heading, after its chunk and its data) has painted, the two
 * Arabic files (~90 KB) are fetched but not yet used: switching the face under the reader's eyes re-wraps the text
 * and moves the page (layout shift). The face is used from the next page opened in the portal, and from the first
 * paint on later visits (the files stay in the browser's cache for a year; a mark on the device says so).
 */
const applyFonts = () => document.documentElement.classList.add('fonts');
let fetched = false;
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

/** The face's files once the page and its data have painted; the face itself on the next page (`path` changes). */
export function useFontsAfterFirstPaint(path: string): void {
  const [firstPath] = useState(path);
  useEffect(() => {
    if (path !== firstPath && fetched) applyFonts();
  }, [path, firstPath]);
  useEffect(() => {
    if (document.documentElement.classList.contains('fonts') || !document.fonts) return;
    let cancelled = false;
    afterNextPaint()
      .then(pageDrawn)
      .then(publicDataSettled)
      .then(afterNextPaint)
      .then(() => {
        if (cancelled) return;
        // The Arabic files of both weights (text, and headings and buttons); Latin ones only once a page uses them.
        return Promise.all([
          document.fonts.load('400 1em "IBM Plex Sans Arabic"', 'ب'),
          document.fonts.load('700 1em "IBM Plex Sans Arabic"', 'ب'),
        ]).then(([regular, bold]) => {
          if (regular.length === 0 || bold.length === 0) return;
          fetched = true;
          writeStored(KEYS.fonts, true);
          // For tests and measurements (e2e/first-load.ts): the files have arrived.
          document.documentElement.dataset.fontsFetched = '';
        });
      })
      .catch(() => {});
    return () => {
      cancelled = true;
    };
  }, []);
}
