-- After the ranking (issue 5): the Managing Authority's grant decisions, the grant of each partner, the
-- contracts partners sign with research organisations, and the payments to each partner.

-- One decision per proposal. A granted proposal may later be withdrawn (its beneficiaries renounce), which
-- frees its budget for the next proposal of the reserve list; reserve_promoted marks such a proposal.
CREATE TABLE grant_decisions (
  proposal_id uuid PRIMARY KEY REFERENCES proposals (id) ON DELETE CASCADE,
  call_id uuid NOT NULL,
  line_code text NOT NULL,
  outcome text NOT NULL CHECK (outcome IN ('granted', 'not_granted', 'withdrawn')),
  ranking_status text NOT NULL CHECK (ranking_status IN ('funded', 'reserve', 'below_threshold')),
  reserve_promoted boolean NOT NULL DEFAULT false,
  decided_on date NOT NULL,
  act_reference text NOT NULL,
  reason text,
  withdrawn_on date,
  withdrawal_reason text,
  decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
  decided_at timestamptz NOT NULL DEFAULT now(),
  CHECK (outcome <> 'withdrawn' OR (withdrawn_on IS NOT NULL AND withdrawal_reason IS NOT NULL)),
  FOREIGN KEY (call_id, line_code) REFERENCES call_lines (call_id, code) ON DELETE CASCADE
);
CREATE INDEX grant_decisions_call_idx ON grant_decisions (call_id, line_code);

-- The grant of each partner of a granted proposal: the GBER estimate frozen at submission, or less with a reason.
CREATE TABLE grant_partners (
  proposal_id uuid NOT NULL REFERENCES grant_decisions (proposal_id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  position integer NOT NULL,
  estimate_cents bigint NOT NULL CHECK (estimate_cents >= 0),
  grant_cents bigint NOT NULL CHECK (grant_cents >= 0 AND grant_cents <= estimate_cents),
  reduction_reason text,
  CHECK (grant_cents = estimate_cents OR reduction_reason IS NOT NULL),
  PRIMARY KEY (proposal_id, organisation_id)
);

-- Contracts between a partner and a registered research organisation or university; counted in the results.
CREATE TABLE research_contracts (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL,
  partner_organisation_id uuid NOT NULL,
  research_organisation_id uuid NOT NULL REFERENCES organisations (id),
  subject text NOT NULL,
  value_cents bigint NOT NULL CHECK (value_cents > 0),
  signed_on date NOT NULL,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  CHECK (partner_organisation_id <> research_organisation_id),
  FOREIGN KEY (proposal_id, partner_organisation_id) REFERENCES grant_partners (proposal_id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX research_contracts_proposal_idx ON research_contracts (proposal_id);

-- Payments to a partner, each verified by an independent expert or a credit institution.
CREATE TABLE grant_payments (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('advance', 'interim', 'balance')),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  paid_on date NOT NULL,
  verifier_kind text NOT NULL CHECK (verifier_kind IN ('expert', 'credit_institution')),
  verified_by text NOT NULL,
  recorded_by uuid REFERENCES users (id) ON DELETE SET NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (proposal_id, organisation_id) REFERENCES grant_partners (proposal_id, organisation_id) ON DELETE CASCADE
);
CREATE INDEX grant_payments_partner_idx ON grant_payments (proposal_id, organisation_id);
