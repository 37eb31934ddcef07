/**
 * A value made the first time it is asked for, then kept: the heavy libraries a server rarely needs
 * (exceljs, docx, pdfmake) are loaded by their first use rather than at start-up (issue 19). A promise
 * is kept as it is, so concurrent first callers share one load.
 */
export function onFirstUse<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
