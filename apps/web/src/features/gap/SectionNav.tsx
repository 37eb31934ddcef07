import { useEffect, useRef } from 'react';
import { Group, Progress, Text, VisuallyHidden } from '@mantine/core';
import { Link } from 'react-router';
import { gapHref } from './api';
import { resultLabel, ResultIcon } from './ResultBadge';
import { sectionName, type SectionInfo } from './sections';
import { GAP_TEXT as T } from './text';
import classes from './gap.module.css';

/** The sections in walking order with their progress; the open section lists its requirements. */
export function SectionNav({
  orgId,
  assessmentId,
  sections,
  currentRef,
  scroller,
}: {
  orgId: string;
  assessmentId: string;
  sections: SectionInfo[];
  currentRef: string;
  scroller: () => HTMLElement | null;
}) {
  const nav = useRef<HTMLElement>(null);
  // Keep the open requirement in sight when the column scrolls on its own (Annex A is far down).
  useEffect(() => {
    const box = scroller();
    const current = nav.current?.querySelector('[aria-current="page"]');
    if (!box || !current || box.scrollHeight <= box.clientHeight) return;
    const b = box.getBoundingClientRect();
    const c = current.getBoundingClientRect();
    if (c.top < b.top || c.bottom > b.bottom) box.scrollTop += c.top - b.top - b.height / 2;
  }, [currentRef, scroller]);

  return (
    <nav aria-label={T.sections} ref={nav}>
      <ul className={classes.sectionList}>
        {sections.map((s) => {
          const open = s.items.some((i) => i.ref === currentRef);
          const total = s.items.length;
          return (
            <li key={s.section} data-testid="section" data-section={s.section} data-answered={s.answered}>
              <Link
                to={gapHref(orgId, assessmentId, s.items[0]!.ref)}
                className={classes.sectionLink}
                data-active={open || undefined}
                title={`${sectionName(s.section)} · ${s.title}`}
              >
                <Group gap={6} wrap="nowrap" justify="space-between" align="flex-start">
                  {/* Wraps rather than cuts: "4 Context of the o…" told nothing (issue 18). */}
                  <Text fz="sm" fw={600} lh={1.35} data-testid="section-title">
                    <span className={classes.mono}>{s.section}</span> {s.title}
                  </Text>
                  <Text fz="xs" c="dimmed" lh={1.6} style={{ flexShrink: 0 }}>
                    <span aria-hidden>
                      {s.answered}/{total}
                    </span>
                    <VisuallyHidden>{`, ${T.sectionProgress(s.answered, total)}`}</VisuallyHidden>
                  </Text>
                </Group>
                <Progress
                  value={(100 * s.answered) / total}
                  size={3}
                  radius="xl"
                  mt={4}
                  color={s.answered === total ? 'teal' : 'indigo'}
                  aria-hidden
                />
              </Link>
              {open && (
                <ul className={classes.itemList}>
                  {s.items.map((i) => (
                    <li key={i.ref}>
                      <Link
                        to={gapHref(orgId, assessmentId, i.ref)}
                        className={classes.itemLink}
                        aria-current={i.ref === currentRef ? 'page' : undefined}
                        title={`${i.ref} ${i.title}`}
                      >
                        <ResultIcon result={i.result} size={14} label={resultLabel(i.result)} />
                        <span className={classes.itemRef}>{i.ref}</span>
                        <span className={classes.itemTitle}>{i.title}</span>
                      </Link>
                    </li>
                  ))}
                </ul>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
