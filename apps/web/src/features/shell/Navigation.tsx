import type { ReactNode } from 'react';
import { Badge, NavLink, ScrollArea, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangle,
  IconBooks,
  IconBuilding,
  IconBuildingBank,
  IconCertificate,
  IconEye,
  IconChartLine,
  IconChecklist,
  IconClipboardCheck,
  IconCompass,
  IconFileDescription,
  IconFiles,
  IconFlag,
  IconGauge,
  IconHistory,
  IconHome,
  IconKey,
  IconList,
  IconListCheck,
  IconPaperclip,
  IconPresentation,
  IconSchool,
  IconSettings,
  IconShieldCheck,
  IconSitemap,
  IconTable,
  IconTargetArrow,
  IconUserCheck,
  IconUserCircle,
  IconUsers,
  IconUsersGroup,
  IconTruckDelivery,
  IconAlertOctagon,
  IconCalendarEvent,
} from '@tabler/icons-react';
import { type Action, can } from '@fortytwo/domain';
import { Link, useLocation } from 'react-router';
import { JOURNEY, PHASES } from '../journey/steps';
import { useInventoryCount } from '../inventory/api';
import { GapNavBadge } from '../gap/GapNavBadge';
import { TasksNavBadge } from '../tasks/TasksNavBadge';
import { useMe } from '../../api/session';
import { useOrganization } from './OrgScopeRoute';
import { NAV_LABELS } from './nav-labels';
import { SHELL_TEXT } from './text';
import classes from './shell.module.css';

function StepNumber({ n }: { n: number }) {
  return (
    <Text
      component="span"
      fz="xs"
      fw={700}
      w={20}
      h={20}
      ta="center"
      lh="20px"
      bg="var(--mantine-color-default-hover)"
      style={{ borderRadius: 999 }}
      aria-hidden
    >
      {n}
    </Text>
  );
}

const Soon = () => (
  <Badge size="xs" variant="outline" color="gray">
    {SHELL_TEXT.notBuilt}
  </Badge>
);

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Stack gap={2} component="section" aria-label={title}>
      <Text fz={11} fw={700} tt="uppercase" c="dimmed" px="sm" pt="sm" pb={4} style={{ letterSpacing: 0.6 }}>
        {title}
      </Text>
      {children}
    </Stack>
  );
}

export function OrgNavigation({ orgId, onNavigate }: { orgId: string; onNavigate: () => void }) {
  const { pathname } = useLocation();
  const org = useOrganization(orgId);
  const count = useInventoryCount(orgId);
  const base = `/orgs/${orgId}`;
  const is = (p: string) => pathname === p || pathname.startsWith(`${p}/`);
  const link = (to: string, label: string, icon: ReactNode, right?: ReactNode, active = is(to)) => (
    <NavLink
      key={to}
      component={Link}
      to={to}
      label={label}
      leftSection={icon}
      rightSection={right}
      active={active}
      onClick={onNavigate}
      aria-current={active ? 'page' : undefined}
      className={classes.navLink}
    />
  );
  /** A journey step whose pages are listed under it, opened. */
  const group = (step: (typeof JOURNEY)[number], children: ReactNode) => (
    <NavLink
      key={step.slug}
      label={step.title}
      leftSection={<StepNumber n={step.number} />}
      defaultOpened
      childrenOffset={14}
      active={false}
      className={classes.navLink}
    >
      {children}
    </NavLink>
  );
  const role = org.data?.myRole;
  /** A link whose pages the role may not read is left out (the pages would only refuse it). */
  const may = (action: Action) => role !== undefined && can(role, action);

  return (
    <ScrollArea type="scroll" style={{ flex: 1 }}>
      <Stack gap={0} component="nav" aria-label="Main">
        {link(
          base,
          SHELL_TEXT.overview,
          <IconHome size={18} />,
          undefined,
          pathname === base || pathname === `${base}/`,
        )}
        {link(`${base}/tasks`, NAV_LABELS.tasks, <IconChecklist size={18} />, <TasksNavBadge />)}
        {PHASES.map((phase) => (
          <Section key={phase} title={phase}>
            {JOURNEY.filter((s) => s.phase === phase).map((step) => {
              const to = `${base}/${step.slug}`;
              if (step.slug === 'gap-analysis')
                return link(to, step.title, <StepNumber n={step.number} />, <GapNavBadge orgId={orgId} />);
              if (step.slug === 'implementation')
                return group(
                  step,
                  <>
                    {/* Beside the register the criteria rate (issue 18: they sat under step 2). */}
                    {link(`${base}/risk-criteria`, NAV_LABELS.riskCriteria, <IconGauge size={16} />)}
                    {link(`${base}/risks`, NAV_LABELS.riskRegister, <IconAlertTriangle size={16} />)}
                    {link(`${base}/risk-treatment-plan`, NAV_LABELS.riskTreatmentPlan, <IconShieldCheck size={16} />)}
                    {link(`${base}/impact-assessments`, NAV_LABELS.impact, <IconUsersGroup size={16} />)}
                    {link(`${base}/soa`, NAV_LABELS.soa, <IconListCheck size={16} />)}
                    {link(`${base}/controls`, NAV_LABELS.controls, <IconClipboardCheck size={16} />)}
                    {may('evidence.read') && link(`${base}/evidence`, 'Evidence library', <IconPaperclip size={16} />)}
                    {link(`${base}/competence-matrix`, NAV_LABELS.competenceMatrix, <IconTable size={16} />)}
                    {link(`${base}/people`, NAV_LABELS.people, <IconUserCheck size={16} />)}
                    {link(`${base}/competences`, NAV_LABELS.competences, <IconCertificate size={16} />)}
                    {link(`${base}/trainings`, NAV_LABELS.trainings, <IconSchool size={16} />)}
                    {link(`${base}/objectives`, NAV_LABELS.objectives, <IconFlag size={16} />)}
                    {link(`${base}/metrics`, NAV_LABELS.metrics, <IconChartLine size={16} />)}
                    {link(`${base}/suppliers`, NAV_LABELS.suppliers, <IconTruckDelivery size={16} />)}
                  </>,
                );
              if (step.slug === 'documentation' && !may('document.read')) return null;
              if (step.slug === 'documentation')
                return group(
                  step,
                  <>
                    {link(to, 'Master list', <IconFileDescription size={16} />)}
                    {link(
                      `${base}/documents`,
                      'Documents',
                      <IconFiles size={16} />,
                      undefined,
                      is(`${base}/documents`) && !is(`${base}/documents/settings`),
                    )}
                    {link(`${base}/documents/settings`, 'Document settings', <IconSettings size={16} />)}
                  </>,
                );
              if (step.slug === 'certification')
                return group(
                  step,
                  <>
                    {link(to, 'Readiness check', <IconClipboardCheck size={16} />, undefined, pathname === to)}
                    {link(`${to}/engagements`, 'Certification body', <IconCertificate size={16} />)}
                    {may('auditor_workspace.read') &&
                      link(`${base}/auditor-workspace`, 'Auditor workspace', <IconEye size={16} />)}
                  </>,
                );
              if (step.slug === 'internal-audit')
                return group(
                  step,
                  <>
                    {link(
                      to,
                      NAV_LABELS.audits,
                      <IconCalendarEvent size={16} />,
                      undefined,
                      is(to) || is(`${base}/audits`),
                    )}
                    {link(`${base}/nonconformities`, NAV_LABELS.nonconformities, <IconAlertOctagon size={16} />)}
                    {link(`${base}/management-reviews`, NAV_LABELS.reviews, <IconPresentation size={16} />)}
                  </>,
                );
              if (step.slug !== 'scope') return link(to, step.title, <StepNumber n={step.number} />, <Soon />);
              return group(
                step,
                <>
                  {link(
                    `${base}/ai-systems`,
                    SHELL_TEXT.inventory,
                    <IconList size={16} />,
                    count.data !== undefined ? (
                      <Badge size="sm" variant="light" circle={count.data < 100}>
                        {count.data}
                      </Badge>
                    ) : undefined,
                  )}
                  {link(
                    `${base}/context`,
                    NAV_LABELS.context,
                    <IconCompass size={16} />,
                    undefined,
                    pathname === `${base}/context` || is(`${base}/context/issues`),
                  )}
                  {link(`${base}/context/parties`, NAV_LABELS.parties, <IconUsersGroup size={16} />)}
                  {link(to, NAV_LABELS.scope, <IconTargetArrow size={16} />)}
                  {link(`${base}/governance`, NAV_LABELS.governance, <IconBuildingBank size={16} />)}
                  {link(`${base}/raci`, NAV_LABELS.raci, <IconSitemap size={16} />)}
                </>,
              );
            })}
          </Section>
        ))}
        <Section title={SHELL_TEXT.reference}>
          {link(`${base}/catalog`, SHELL_TEXT.catalogue, <IconBooks size={18} />)}
        </Section>
        <Section title={SHELL_TEXT.organization}>
          {link(`${base}/members`, SHELL_TEXT.members, <IconUsers size={18} />)}
          {may('audit_event.read') && link(`${base}/audit-trail`, SHELL_TEXT.auditTrail, <IconHistory size={18} />)}
        </Section>
      </Stack>
    </ScrollArea>
  );
}

/** Outside an organization (account pages): the organizations to open and the account links. */
export function AccountNavigation({ onNavigate }: { onNavigate: () => void }) {
  const me = useMe();
  const { pathname } = useLocation();
  return (
    <Stack gap={0} component="nav" aria-label="Main">
      <Section title={SHELL_TEXT.yourOrgs}>
        {(me.data?.memberships ?? []).map((m) => (
          <NavLink
            key={m.organization.id}
            component={Link}
            to={`/orgs/${m.organization.id}`}
            label={m.organization.name}
            leftSection={<IconBuilding size={18} />}
            onClick={onNavigate}
          />
        ))}
      </Section>
      <Section title={SHELL_TEXT.account}>
        <NavLink
          component={Link}
          to="/portfolio"
          label="Portfolio"
          leftSection={<IconTable size={18} />}
          active={pathname === '/portfolio'}
          onClick={onNavigate}
        />
        <NavLink
          component={Link}
          to="/account"
          label={SHELL_TEXT.passwordAndSessions}
          leftSection={<IconUserCircle size={18} />}
          active={pathname === '/account'}
          onClick={onNavigate}
        />
        <NavLink
          component={Link}
          to="/account/tokens"
          label={SHELL_TEXT.apiTokens}
          leftSection={<IconKey size={18} />}
          active={pathname === '/account/tokens'}
          onClick={onNavigate}
        />
      </Section>
    </Stack>
  );
}
