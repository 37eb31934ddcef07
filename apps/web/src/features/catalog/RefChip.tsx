import { Badge, Tooltip } from '@mantine/core';
import { Link } from 'react-router';
import { catalogHref } from './api';
import classes from './catalog.module.css';

/** A catalogue ref as a chip that opens the item, with its title on hover and for screen readers. */
export function RefChip({
  orgId,
  frameworkId,
  refId,
  title,
}: {
  orgId: string;
  frameworkId: string;
  refId: string;
  title?: string;
}) {
  const chip = (
    <Badge
      component={Link}
      to={catalogHref(orgId, frameworkId, refId)}
      variant="light"
      radius="sm"
      tt="none"
      fw={600}
      className={classes.mono}
      style={{ cursor: 'pointer' }}
      aria-label={title ? `${refId} ${title}` : undefined}
    >
      {refId}
    </Badge>
  );
  return title ? (
    <Tooltip label={title} withArrow openDelay={300} multiline maw={280}>
      {chip}
    </Tooltip>
  ) : (
    chip
  );
}
