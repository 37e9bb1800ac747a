-- Classes, their teams, the decisions submitted for the open round and the rounds played.
-- Everything a server instance needs is here: several instances can share one database.

CREATE TABLE classes (
  id text PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  -- the scenario as the teacher chose it, plus announced events (what grading plays)
  base_scenario jsonb NOT NULL,
  -- the same with one seat (shop) per team: the market the class plays
  scenario jsonb NOT NULL,
  seed integer NOT NULL,
  total_rounds integer NOT NULL,
  rounds_played integer NOT NULL DEFAULT 0,
  teacher_password_hash text NOT NULL,
  -- 'bot': a team that did not submit is played by the stand-in bot; 'last': it repeats its last decisions
  stand_in text NOT NULL DEFAULT 'bot',
  deadline timestamptz,
  paused boolean NOT NULL DEFAULT false,
  announcements jsonb NOT NULL DEFAULT '[]'
);

CREATE TABLE teams (
  class_id text NOT NULL REFERENCES classes (id),
  shop text NOT NULL,
  name text NOT NULL,
  -- the scenario's player shop whose setup the seat copies (the shop of the team's graded decisions)
  base_shop text NOT NULL,
  position integer NOT NULL,
  join_code text NOT NULL,
  PRIMARY KEY (class_id, shop),
  UNIQUE (class_id, name),
  UNIQUE (class_id, join_code)
);

-- Bearer tokens, stored as SHA-256 hashes: a team may hold several (one per browser that joined).
CREATE TABLE tokens (
  token_hash text PRIMARY KEY,
  class_id text NOT NULL REFERENCES classes (id),
  -- NULL for the teacher's tokens
  shop text,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Decisions for the open round, one row per team; replaced on re-submission.
CREATE TABLE submissions (
  class_id text NOT NULL REFERENCES classes (id),
  shop text NOT NULL,
  round integer NOT NULL,
  decisions jsonb NOT NULL,
  submitted_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (class_id, shop, round)
);

-- What each team played in each round (as a decisions file's round), and who decided it.
CREATE TABLE team_rounds (
  class_id text NOT NULL REFERENCES classes (id),
  shop text NOT NULL,
  round integer NOT NULL,
  decisions jsonb NOT NULL,
  -- 'team', 'last' (its last decisions repeated) or 'bot' (the stand-in bot)
  source text NOT NULL,
  PRIMARY KEY (class_id, shop, round)
);

-- A round played: the Result of the game after it (every round so far) and the state hash.
CREATE TABLE rounds (
  class_id text NOT NULL REFERENCES classes (id),
  round integer NOT NULL,
  result jsonb NOT NULL,
  hash text NOT NULL,
  played_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (class_id, round)
);
