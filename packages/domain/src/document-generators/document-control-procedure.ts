import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import { answerText, listSentence, membersIn, raciNames, type DocumentAnswers, type DocumentFacts } from './facts';

// The document control procedure (7.5): how AIMS documents and records are identified, approved,
// published, kept current, protected and retired. Most of it describes what Fortytwo enforces,
// in the organization's terms (its code prefix, classification, approvers and document types);
// where documents from outside are kept is the organization's to say.

export function documentControlProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const prefix = f.organization.codePrefix;
  const accountable = raciNames(f, /document/i, 'accountable');
  const responsible = raciNames(f, /document/i, 'responsible');
  const approvers = membersIn(f, 'approver', 'owner');
  const publishers = membersIn(f, 'manager', 'owner');
  const external = answerText(a, 'externalDocuments');
  const example = (p: string) => `${prefix}-${p}-001`;
  const types = f.documentTypes;
  const systems = f.aiSystems.filter((s) => s.lifecycleStage !== 'retired');
  return {
    purpose: doc(
      para(
        `This procedure sets out how ${org} creates, approves, publishes, keeps current, protects and retires the documented information of its AI management system (AIMS): its policy, procedures, plans and registers, the records that show the AIMS at work, and documents from outside the organization that the AIMS relies on.`,
      ),
      systems.length
        ? para(
            `It also covers what is kept for each AI system (its requirements, design record, data sheets, test results and technical documentation), today for ${listSentence(systems.map((s) => s.name))}.`,
          )
        : null,
      para(
        `Accountable for document control: ${accountable ?? 'the AIMS manager'}${responsible ? `. Responsible for the day-to-day work: ${responsible}` : ''}.`,
      ),
      subheading('Documents from outside the organization'),
      para(
        external ??
          placeholder(
            "Where documents from outside the organization (standards, laws and regulators' guidance, supplier documentation) are kept and listed, and who keeps them current",
          ),
      ),
    ),
    identification: doc(
      para(
        `Every controlled document has a code made of the prefix ${prefix}, a code for its type and a number, such as ${example('POL')} for the AI policy (the codes of every type are listed under records and retention below). A number is never reused, even when a document is withdrawn. The title, the code, the version and the classification (${f.organization.classification}, unless the document says otherwise) appear on every page.`,
      ),
      para(
        'The first page shows the owner and the approver with their roles, the approval date, the effective date and the next review, the clauses and controls the document serves, and how long it is kept; the last section is the revision history (version, date, author, change, approver).',
      ),
      para(
        "Documents are written in Fortytwo from the organization's records and the answers to its questions, then edited section by section; registers (the scope, the Statement of Applicability, the risk treatment plan, the RACI, the objectives) are always rendered from the records, never retyped.",
      ),
    ),
    approval: doc(
      para(
        'A document moves through these states: draft, in review, approved, published; later superseded by the next version, or withdrawn.',
      ),
      bullets(
        [
          'The author sends a draft to review with a summary of what changed and, where useful, a deadline; each reviewer gets a task.',
          'Reviewers agree or ask for changes, saying what should change. While a request for changes stands, the document cannot be approved.',
          `The approver named on the document decides${approvers.length ? ` (members who may approve: ${listSentence(approvers)})` : ''}: approve, or send back to the author with the reason. Text still to be written (shown in double square brackets) blocks approval.`,
          'On approval, the Word and PDF files are made once and kept with their SHA-256 fingerprint, so the file downloaded later is the one approved.',
          `An approved version is put in force by publishing it${publishers.length ? `, which ${listSentence(publishers)} may do` : ''}.`,
        ],
        true,
      ),
      para(
        'A **material change**, one that changes what people must do or what the organization commits to, starts a new major version (2.0) and goes through review and approval again; people acknowledge it again. A **non-material change**, such as a correction, a clarification or an updated name, makes a minor version (1.1) that may be published without a new approval; it is still recorded in the revision history.',
      ),
    ),
    distribution: doc(
      para(
        `The version in force of every document is published in Fortytwo, where every member of ${org} can read it and where the master list of documented information shows each document's state. Members acknowledge the AI policy and the procedures that concern them; Fortytwo records who has acknowledged each version and who has not yet.`,
      ),
      para(
        "Access follows the member's role: approvers approve, managers publish, contributors draft, internal auditors and viewers read. An external auditor reads until the end date of their access. A downloaded or printed copy is uncontrolled: the version in Fortytwo is the one that counts.",
      ),
      para(
        "Documents are given to people outside the organization as PDF, by the document's owner, when the communication plan or a request calls for it.",
      ),
    ),
    change: doc(
      para(
        'Each document is reviewed on its cycle (every 12 months unless its type says otherwise) and also after a significant change to the AI systems, the scope, the law, an incident, or an audit finding that concerns it. The next review date is set when a version is published; an overdue review is shown on the master list.',
      ),
      para(
        'A published document whose source records change afterwards (a new risk, a changed scope, a control excluded) is marked stale, with the changes listed, until a new version takes them in. A new version is drafted beside the one in force, which stays valid until the new one is published; the old one is then marked superseded and kept. A document no longer needed is withdrawn with its reason; nothing is deleted.',
      ),
    ),
    records: doc(
      para(
        'Records (registers, assessments, reviews, audit results) are kept in Fortytwo. Every change to them is written to an audit trail whose entries are chained by hash, so that a change made outside the application can be detected; signed-off assessments and approved versions cannot be edited.',
      ),
      types.length
        ? para('Each type of document, with its code, how long each version is kept, and its review cycle:')
        : null,
      types.length
        ? bullets(
            types.map(
              (t) =>
                `**${prefix}-${t.prefix}** ${t.title}: kept ${t.retention.charAt(0).toLowerCase()}${t.retention.slice(1)}; reviewed every ${t.reviewMonths} months.`,
            ),
          )
        : null,
      para(
        `Records are kept for at least as long as the document that requires them. When the period ends, the AIMS manager decides on disposal, and the decision is recorded. The database and the stored files are backed up and the backups are checked before they are relied on.`,
      ),
    ),
  };
}
