/**
 * Tab lists as the WAI-ARIA tabs pattern has them, shared by the designer's two tab lists and
 * the catalogue's lists: one tab stop, arrows move round, Home and End go to the ends, and a
 * tab is selected as soon as it has focus (the panels are cheap to show).
 */
import { css } from 'lit';

/** Keydown on a `role=tablist`: moves to, selects and focuses the next tab. */
export function moveAmongTabs(event: KeyboardEvent): void {
  const tabs = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const at = tabs.indexOf(event.target as HTMLButtonElement);
  if (at === -1) return;
  const next =
    event.key === 'ArrowRight'
      ? (at + 1) % tabs.length
      : event.key === 'ArrowLeft'
        ? (at - 1 + tabs.length) % tabs.length
        : event.key === 'Home'
          ? 0
          : event.key === 'End'
            ? tabs.length - 1
            : -1;
  if (next === -1) return;
  event.preventDefault();
  tabs[next]?.click();
  tabs[next]?.focus();
}

export const tabStyles = css`
  [role='tablist'] {
    display: flex;
    flex-wrap: wrap;
    gap: var(--_matter-space-1);
    border-bottom: 2px solid var(--_matter-color-border);
  }
  [role='tab'] {
    border-bottom-left-radius: 0;
    border-bottom-right-radius: 0;
    border-color: var(--_matter-color-border);
    color: var(--_matter-color-text);
  }
  [role='tab'][aria-selected='true'] {
    background: var(--_matter-color-accent);
    border-color: var(--_matter-color-accent);
    color: #fff;
  }
`;
