import { Button } from '@mantine/core';
import { IconListDetails, IconPlus } from '@tabler/icons-react';
import { Link } from 'react-router';
import { FirstVisit } from '../../ui/FirstVisit';
import { INVENTORY_TEXT as T } from './text';

/** The first visit: what the inventory is for, why the standard asks for it, and the first step. */
export function InventoryEmpty({ orgId, canWrite }: { orgId: string; canWrite: boolean }) {
  return (
    <FirstVisit
      icon={<IconListDetails size={32} />}
      title={T.emptyTitle}
      body={T.emptyBody}
      why={T.emptyWhy}
      readOnlyNote={canWrite ? undefined : T.emptyReadOnly}
      width={620}
      actions={
        canWrite && (
          <Button component={Link} to={`/orgs/${orgId}/ai-systems/new`} leftSection={<IconPlus size={16} />}>
            {T.emptyCta}
          </Button>
        )
      }
    />
  );
}
