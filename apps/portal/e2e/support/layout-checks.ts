import type { Page } from '@playwright/test';

/**
 * What an auditor looks for when the page is squeezed or its text enlarged or spaced: content pushed out
 * of the window, boxes that cut their text off, controls that vanish or cover each other. Each function
 * runs in the page (page.evaluate sends its source, so it carries its own helpers) and returns findings
 * in words, empty when all is well.
 */

/** Marks the controls a person can see and use now, to find them again after the page is transformed. */
export async function markVisibleControls(page: Page): Promise<number> {
  return page.evaluate(() => {
    const controls = document.querySelectorAll<HTMLElement>(
      'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])',
    );
    let marked = 0;
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      const style = getComputedStyle(control);
      if (box.width === 0 || box.height === 0 || style.visibility !== 'visible') continue;
      // DSFR's visually hidden text and its skip links (shown on focus only) are not laid out for the eye.
      if (control.closest('.fr-sr-only, .fr-skiplinks')) continue;
      control.dataset['auditControl'] = String(marked);
      marked += 1;
    }
    return marked;
  });
}

/** Controls marked by markVisibleControls that lost their box, left the window, or cover another control. */
export async function lostOrOverlappingControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const name = (element: Element): string => {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const label = element.getAttribute('aria-label') ?? element.getAttribute('title') ?? '';
      const id = element.id ? `#${element.id}` : '';
      return `<${element.tagName.toLowerCase()}${id}> «${label || text}»`;
    };
    const scrollsItself = (element: Element): boolean => {
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        if (/(auto|scroll)/.test(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    const findings: string[] = [];
    const width = document.documentElement.clientWidth;
    const controls = [...document.querySelectorAll<HTMLElement>('[data-audit-control]')];
    const boxes = new Map<HTMLElement, DOMRect>();
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width < 1 || box.height < 1 || getComputedStyle(control).visibility !== 'visible') {
        findings.push(`${name(control)} disappeared`);
        continue;
      }
      if ((box.left < -1 || box.right > width + 1) && !scrollsItself(control)) {
        findings.push(
          `${name(control)} is outside the window (${Math.round(box.left)}–${Math.round(box.right)} px)`,
        );
      }
      boxes.set(control, box);
    }
    // A control drawn over another hides it: a real overlap, not a shared border. Line by line: a link
    // that wraps has a bounding box wider than its text, which its neighbours on the line do not touch.
    const seen = [...boxes.keys()]
      .filter((control) => Number(getComputedStyle(control).opacity) > 0)
      .map((control) => ({ control, lines: [...control.getClientRects()] }));
    const overlap = (a: DOMRect, b: DOMRect): boolean =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 2 &&
      Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 2;
    for (let i = 0; i < seen.length; i += 1) {
      for (let j = i + 1; j < seen.length; j += 1) {
        const first = seen[i]!;
        const second = seen[j]!;
        if (first.control.contains(second.control) || second.control.contains(first.control)) continue;
        if (first.lines.some((a) => second.lines.some((b) => overlap(a, b)))) {
          findings.push(`${name(first.control)} overlaps ${name(second.control)}`);
        }
      }
    }
    return findings;
  });
}

/**
 * Content the layout hides by accident: a box that cuts off its overflowing text, an element sticking out
 * of the window where no scrolling container holds it, a page wider than its window.
 */
export async function clippedContent(
  page: Page,
  options: { horizontalScrollAllowed: boolean },
): Promise<string[]> {
  return page.evaluate(({ horizontalScrollAllowed }) => {
    const name = (element: Element): string => {
      const text = (element.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
      const id = element.id ? `#${element.id}` : '';
      const classes = [...element.classList]
        .slice(0, 2)
        .map((value) => `.${value}`)
        .join('');
      return `<${element.tagName.toLowerCase()}${id}${classes}> «${text}»`;
    };
    const scrollsItself = (element: Element): boolean => {
      for (
        let parent = element.parentElement;
        parent && parent !== document.body;
        parent = parent.parentElement
      ) {
        if (/(auto|scroll)/.test(getComputedStyle(parent).overflowX)) return true;
      }
      return false;
    };
    // Hidden on purpose: visually hidden text for screen readers, a folded section, a closed dialog.
    const hiddenOnPurpose = (element: Element): boolean =>
      element.closest('.fr-sr-only, .fr-skiplinks, [hidden], [aria-hidden="true"], dialog:not([open])') !==
      null;

    // DSFR's icon-only buttons hide their label on purpose: the icon shows, the label is the name.
    const ICON_ONLY_BUTTONS = '.fr-btn--menu, .fr-btn--close, .fr-btn--tooltip, .fr-btn--sort';
    const findings: string[] = [];
    const root = document.documentElement;
    if (!horizontalScrollAllowed && root.scrollWidth > root.clientWidth + 1) {
      findings.push(
        `the page scrolls sideways: ${root.scrollWidth} px of content in a ${root.clientWidth} px window`,
      );
    }
    const width = root.clientWidth;
    for (const element of document.body.querySelectorAll<HTMLElement>('*')) {
      const style = getComputedStyle(element);
      if (style.visibility !== 'visible' || style.display === 'none') continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (hiddenOnPurpose(element)) continue;
      const hasOwnText = [...element.childNodes].some(
        (node) => node.nodeType === Node.TEXT_NODE && (node.textContent ?? '').trim() !== '',
      );
      if (
        !horizontalScrollAllowed &&
        hasOwnText &&
        (box.right > width + 1 || box.left < -1) &&
        !scrollsItself(element)
      ) {
        findings.push(
          `${name(element)} sticks out of the window (${Math.round(box.left)}–${Math.round(box.right)} px)`,
        );
      }
      const cutsX = /(hidden|clip)/.test(style.overflowX) && element.scrollWidth > element.clientWidth + 1;
      const cutsY = /(hidden|clip)/.test(style.overflowY) && element.scrollHeight > element.clientHeight + 1;
      // A box of no height is a folded section (DSFR collapse), closed on purpose.
      if ((cutsX || cutsY) && element.clientHeight > 0) {
        const inner = {
          left: box.left + element.clientLeft,
          top: box.top + element.clientTop,
          right: box.left + element.clientLeft + element.clientWidth,
          bottom: box.top + element.clientTop + element.clientHeight,
        };
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          const parent = node.parentElement;
          if (!parent || (node.textContent ?? '').trim() === '' || hiddenOnPurpose(parent)) continue;
          if (parent.closest(ICON_ONLY_BUTTONS) || getComputedStyle(parent).visibility !== 'visible')
            continue;
          const range = document.createRange();
          range.selectNodeContents(node);
          const outside = [...range.getClientRects()].some(
            (rect) =>
              rect.width > 0 &&
              (rect.right > inner.right + 1 ||
                rect.left < inner.left - 1 ||
                rect.bottom > inner.bottom + 1 ||
                rect.top < inner.top - 1),
          );
          if (outside) {
            findings.push(
              `${name(element)} cuts off the text «${(node.textContent ?? '').trim().slice(0, 40)}»`,
            );
            break;
          }
        }
      }
      if (style.textOverflow === 'ellipsis' && element.scrollWidth > element.clientWidth + 1) {
        findings.push(`${name(element)} ends its text with an ellipsis`);
      }
    }
    return [...new Set(findings)];
  }, options);
}
