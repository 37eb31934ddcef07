import { bullets, doc, para, placeholder, subheading, type RichDoc } from '../rich-text';
import {
  answerText,
  listSentence,
  monthsOf,
  raciNames,
  suppliersOf,
  type DocumentAnswers,
  type DocumentFacts,
} from './facts';

// The supplier and customer procedure for AI (8.1, A.10.2–A.10.4): how responsibilities are shared
// with suppliers, partners and customers, how suppliers of AI are chosen and checked, and how
// customers' expectations are met. Suppliers are the third parties the inventory names per system.

export function thirdPartyProcedure(f: DocumentFacts, a: DocumentAnswers): Record<string, RichDoc> {
  const org = f.organization.name;
  const suppliers = suppliersOf(f);
  const supplierParties = f.parties.filter((p) => p.category === 'suppliers' || p.category === 'partners');
  const customerParties = f.parties.filter((p) => p.category === 'customers' || p.category === 'affected_individuals');
  const accountable = raciNames(f, /supplier|third/i, 'accountable');
  const responsible = raciNames(f, /supplier|third/i, 'responsible');
  const months = answerText(a, 'reviewMonths');
  const provides = f.aiRoles.some((r) => r.role === 'provider');
  const provided = f.aiSystems.filter((s) => s.inScope);
  return {
    purpose: doc(
      para(
        `This procedure sets out how ${org} shares responsibility for its AI systems with the organizations it works with: suppliers of AI services, models, data and platforms (including AI built into software it buys), partners, and the customers who use what ${org} provides.`,
      ),
      suppliers.length
        ? para('The suppliers and partners of AI named in the inventory today, and the systems they serve:')
        : para(
            'No supplier or partner of AI has been named in the AI inventory yet. Record them against each AI system; they then appear here.',
          ),
      suppliers.length ? bullets(suppliers.map((s) => `**${s.name}**: ${listSentence(s.systems)}`)) : null,
      para(
        accountable
          ? `Accountable for suppliers and third parties: ${accountable}${responsible ? `; responsible for the work: ${responsible}` : ''}.`
          : placeholder('Who is accountable for suppliers and third parties of AI (name them in the RACI)'),
      ),
    ),
    responsibilities: doc(
      para(
        'For each AI system that involves another organization, the owner of the system records who does what across its life: who provides and maintains the model, the data and the platform; who tests it and monitors it in operation; who tells users about it; who handles incidents, complaints and requests from people affected; and who may change it, with how much notice.',
      ),
      para(
        "The split is agreed in the contract or in an agreement attached to it, kept with the AI system's records, and checked again when the system, the supplier or the contract changes. Where a responsibility is left with the other party, the risk that it is not met is assessed in the risk register like any other risk.",
      ),
      supplierParties.length ? subheading('What suppliers and partners expect of us') : null,
      supplierParties.length
        ? bullets(
            supplierParties.map((p) =>
              p.requirements.length ? `**${p.name}**: ${p.requirements.join('; ')}` : `**${p.name}**`,
            ),
          )
        : null,
    ),
    suppliers: doc(
      para(
        "Before a supplier's AI is used, or an AI feature in software already in use is switched on, the person responsible for suppliers checks and records:",
      ),
      bullets([
        "what the AI does with the organization's data, where that data is processed and kept, and whether it is used to train the supplier's models;",
        'what the supplier says, with evidence, about how the AI was built, tested (including for bias) and is monitored, and about its known limits;',
        'its security and privacy commitments and any certifications it holds;',
        'that it will tell us about changes to the model or service, and about incidents, in good time;',
        'that we may audit or receive evidence, and that we can leave without losing our data.',
      ]),
      para(
        `The result is approved by ${accountable ?? 'the person accountable for suppliers'} before use, with conditions where needed. A supplier whose AI affects people also triggers an impact assessment of the system concerned.`,
      ),
      para(
        `Each supplier of AI is reviewed every ${monthsOf(months) ?? '12 months'}, and sooner after an incident, a significant change to its service, or a change in the law: whether it still meets what was agreed, and whether the risks have changed.`,
      ),
    ),
    customers: provides
      ? doc(
          para(
            `${org} provides AI to customers${provided.length ? ` through ${listSentence(provided.map((s) => s.name))}` : ''}. For each, it makes clear what the AI is for, what it is not for, its known limits, what the customer or user must do (for example keep a person in the loop), and how to report a problem.`,
          ),
          para(
            "Customers' requirements for AI (in contracts, tenders and complaints) are recorded as requirements of the interested party, decided on (met through the AIMS or not, with the reason), and traced to the controls that meet them.",
          ),
          customerParties.length
            ? bullets(
                customerParties.map((p) =>
                  p.requirements.length ? `**${p.name}**: ${p.requirements.join('; ')}` : `**${p.name}**`,
                ),
              )
            : null,
        )
      : doc(
          para(
            `${org} does not provide AI systems to customers today: its AI is for its own use. Should that change, this section will say how customers' requirements are captured and met, and the AI role will be recorded in the context.`,
          ),
        ),
  };
}
