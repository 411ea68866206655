-- Evaluation and ranking of a call's proposals (issue 5): evaluators' expertise, conflicts, assignments
-- with their reasons, evaluators' reports, the rapporteur's consensus, budget moves between lines.

-- The call's evaluation settings, read and written as a whole: evaluators per proposal, overall threshold.
ALTER TABLE calls ADD COLUMN evaluation jsonb NOT NULL DEFAULT '{}';

-- An evaluator's organisation (a conflict with any proposal it takes part in) and expertise on the taxonomy.
CREATE TABLE evaluator_profiles (
  user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
  organisation_id uuid REFERENCES organisations (id) ON DELETE SET NULL,
  expertise text[] NOT NULL DEFAULT '{}',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Providers of qualified services named by a proposal (research organisations' contracts are counted).
CREATE TABLE proposal_providers (
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  organisation_id uuid NOT NULL REFERENCES organisations (id),
  service text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  PRIMARY KEY (proposal_id, organisation_id)
);

-- Declared conflicts of interest, before assignment or by declining an assignment.
CREATE TABLE evaluation_conflicts (
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  evaluator_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
  reason text NOT NULL,
  declared_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (proposal_id, evaluator_id)
);

CREATE TABLE evaluation_assignments (
  proposal_id uuid NOT NULL REFERENCES proposals (id) ON DELETE CASCADE,
  evaluator_id uuid NOT NULL REFERENCES users (id),
  call_id uuid NOT NULL REFERENCES calls (id) ON DELETE CASCADE,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'declined')),
  matched_codes text[] NOT NULL DEFAULT '{}',
  load_at_assignment integer NOT NULL CHECK (load_at_assignment >= 1),
  position integer NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  assigned_by uuid REFERENCES users (id) ON DELETE SET NULL,
  declined_at timestamptz,
  PRIMARY KEY (proposal_id, evaluator_id)
);
CREATE INDEX evaluation_assignments_call_idx ON evaluation_assignments (call_id, evaluator_id);

-- An assigned evaluator's scores: [{ criterion, score, comment }], immutable once submitted.
CREATE TABLE evaluation_reports (
  proposal_id uuid NOT NULL,
  evaluator_id uuid NOT NULL,
  scores jsonb NOT NULL,
  submitted_at timestamptz NOT NULL,
  PRIMARY KEY (proposal_id, evaluator_id),
  FOREIGN KEY (proposal_id, evaluator_id) REFERENCES evaluation_assignments (proposal_id, evaluator_id) ON DELETE CASCADE
);

-- Per proposal: the rapporteur chosen by the officer (else the first assigned) and the consensus report.
CREATE TABLE evaluation_consensus (
  proposal_id uuid PRIMARY KEY REFERENCES proposals (id) ON DELETE CASCADE,
  rapporteur_id uuid REFERENCES users (id),
  scores jsonb,
  comment text,
  submitted_at timestamptz,
  submitted_by uuid REFERENCES users (id) ON DELETE SET NULL
);

-- Unspent budget moved by the officer from one line to another, with the reason.
CREATE TABLE budget_moves (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  from_line text NOT NULL,
  to_line text NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  reason text NOT NULL,
  moved_by uuid REFERENCES users (id) ON DELETE SET NULL,
  moved_at timestamptz NOT NULL DEFAULT now(),
  CHECK (from_line <> to_line),
  FOREIGN KEY (call_id, from_line) REFERENCES call_lines (call_id, code) ON DELETE CASCADE,
  FOREIGN KEY (call_id, to_line) REFERENCES call_lines (call_id, code) ON DELETE CASCADE
);
CREATE INDEX budget_moves_call_idx ON budget_moves (call_id);
