import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { PageHeader } from '../ui/PageHeader';

export function NotFoundPage() {
  return (
    <PageHeader
      title="Page not found"
      description="There is nothing at this address. The link may be mistyped, or the page may have moved."
      actions={
        <Button component={Link} to="/" variant="default">
          Go to the overview
        </Button>
      }
    />
  );
}
