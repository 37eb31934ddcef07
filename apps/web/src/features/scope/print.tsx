import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { StatementText } from './StatementText';
import classes from './scope.module.css';

export type Printable = { heading: string; status: string; statement: string };

/**
 * A print-friendly statement: a sheet outside the app frame that only print media shows, and
 * while it exists only it prints. It goes away after the print dialog closes.
 */
export function usePrintStatement() {
  const [doc, setDoc] = useState<Printable | null>(null);
  useEffect(() => {
    if (!doc) return;
    const done = () => setDoc(null);
    window.addEventListener('afterprint', done);
    const frame = requestAnimationFrame(() => window.print());
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('afterprint', done);
    };
  }, [doc]);
  const sheet = doc
    ? createPortal(
        <div className={classes.printSheet} data-testid="print-sheet">
          <h1>{doc.heading}</h1>
          <p className={classes.printStatus}>{doc.status}</p>
          <StatementText text={doc.statement} />
        </div>,
        document.body,
      )
    : null;
  return { print: setDoc, sheet };
}
