"""The profile database's schema, as numbered sqlite-utils migrations.

Never edit a migration that has shipped: add the next one. Each has a test that upgrades
a database made by the version before it (tests/core/test_migrations.py).
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations


def run_script(db: Database, sql: str) -> None:
    """Runs the statements of ``sql`` one by one, inside the caller's transaction.

    As ``Database.executescript`` does within a transaction (sqlite3's own executescript
    would commit it first), but splitting at each ``;`` rather than at every character:
    sqlite-utils' splitter is quadratic in a statement's length and spent 0.1 s of every
    start-up on the triggers below, when the expected schema is built to check a profile.
    """
    cursor = db.conn.cursor()
    start = 0
    for end, char in enumerate(sql, 1):
        if char == ";" and sqlite3.complete_statement(sql[start:end]):
            cursor.execute(sql[start:end])
            start = end
    if sql[start:].strip():
        cursor.execute(sql[start:])


MIGRATION_SET = "studyapp"
migrations = Migrations(MIGRATION_SET)


@migrations(name="m001_initial")
def m001_initial(db: Database) -> None:
    run_script(db,
        """
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);

        CREATE TABLE section_progress (
            section_id TEXT PRIMARY KEY,
            opened_at TEXT,
            last_opened_at TEXT,
            read_at TEXT,
            position REAL NOT NULL DEFAULT 0,
            seconds REAL NOT NULL DEFAULT 0
        );

        CREATE TABLE notes (
            id INTEGER PRIMARY KEY,
            section_id TEXT NOT NULL,
            paragraph INTEGER,
            text TEXT NOT NULL,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX notes_section ON notes(section_id);

        CREATE TABLE bookmarks (
            id INTEGER PRIMARY KEY,
            section_id TEXT NOT NULL,
            paragraph INTEGER,
            label TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL
        );
        CREATE INDEX bookmarks_section ON bookmarks(section_id);

        CREATE TABLE question_sets (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            version TEXT NOT NULL DEFAULT '1',
            description TEXT NOT NULL DEFAULT '',
            language TEXT NOT NULL DEFAULT 'en',
            source TEXT NOT NULL DEFAULT '',
            format TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL,
            builtin INTEGER NOT NULL DEFAULT 0
        );

        -- Retired items are no longer in their set's file; they stay so history can name them.
        CREATE TABLE questions (
            set_id TEXT NOT NULL REFERENCES question_sets(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            type TEXT NOT NULL,
            section_id TEXT,
            prompt TEXT NOT NULL,
            body_json TEXT NOT NULL,
            explanation TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            difficulty INTEGER,
            line INTEGER NOT NULL DEFAULT 0,
            retired INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (set_id, id)
        );
        CREATE INDEX questions_section ON questions(section_id);

        CREATE TABLE cards (
            set_id TEXT NOT NULL REFERENCES question_sets(id) ON DELETE CASCADE,
            id TEXT NOT NULL,
            position INTEGER NOT NULL,
            section_id TEXT,
            front TEXT NOT NULL,
            back TEXT NOT NULL,
            explanation TEXT NOT NULL DEFAULT '',
            evidence TEXT NOT NULL DEFAULT '',
            tags TEXT NOT NULL DEFAULT '[]',
            line INTEGER NOT NULL DEFAULT 0,
            retired INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (set_id, id)
        );
        CREATE INDEX cards_section ON cards(section_id);

        -- Scheduling and results are keyed by "set_id/item_id" strings, not foreign keys,
        -- so a learner's history outlives the removal of a set.
        CREATE TABLE card_state (
            card_key TEXT PRIMARY KEY,
            due TEXT NOT NULL,
            stability REAL,
            difficulty REAL,
            state INTEGER NOT NULL DEFAULT 0,
            reps INTEGER NOT NULL DEFAULT 0,
            lapses INTEGER NOT NULL DEFAULT 0,
            last_review TEXT,
            fsrs_json TEXT
        );
        CREATE INDEX card_state_due ON card_state(due);

        CREATE TABLE review_log (
            id INTEGER PRIMARY KEY,
            card_key TEXT NOT NULL,
            rating INTEGER NOT NULL,
            reviewed_at TEXT NOT NULL,
            duration_ms INTEGER
        );
        CREATE INDEX review_log_card ON review_log(card_key);

        CREATE TABLE quiz_attempts (
            id INTEGER PRIMARY KEY,
            mode TEXT NOT NULL,
            scope TEXT NOT NULL,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            score REAL,
            max_score REAL,
            passed INTEGER
        );

        CREATE TABLE quiz_answers (
            attempt_id INTEGER NOT NULL REFERENCES quiz_attempts(id) ON DELETE CASCADE,
            question_key TEXT NOT NULL,
            answer_json TEXT NOT NULL,
            correct INTEGER NOT NULL,
            answered_at TEXT NOT NULL,
            duration_ms INTEGER
        );
        CREATE INDEX quiz_answers_attempt ON quiz_answers(attempt_id);
        """
    )


@migrations(name="m002_history_indexes")
def m002_history_indexes(db: Database) -> None:
    # The mistakes mode looks answers up by question, the charts group reviews by day.
    run_script(db,
        """
        CREATE INDEX quiz_answers_question ON quiz_answers(question_key);
        CREATE INDEX review_log_reviewed_at ON review_log(reviewed_at);
        """
    )


@migrations(name="m004_flashcards")
def m004_flashcards(db: Database) -> None:
    # Every card gets a card_state row (state 0 = new) kept in step with `cards` by
    # triggers, whoever imports: the review queue and the deck counts then read one table
    # through its indexes. `grp` names the card's (set, section, tags) group, which is what
    # decks are made of. The triggers use plain INSERT ... WHERE NOT EXISTS and UPDATE:
    # the importer's INSERT OR REPLACE would otherwise turn an upsert in a trigger into a
    # replace and wipe the card's history.
    run_script(db,
        """
        CREATE TABLE card_groups (
            id INTEGER PRIMARY KEY,
            set_id TEXT NOT NULL,
            section_id TEXT NOT NULL,
            tags TEXT NOT NULL,
            UNIQUE (set_id, section_id, tags)
        );

        ALTER TABLE card_state ADD COLUMN set_id TEXT;
        ALTER TABLE card_state ADD COLUMN item_id TEXT;
        ALTER TABLE card_state ADD COLUMN grp INTEGER;
        ALTER TABLE card_state ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE card_state ADD COLUMN retired INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE card_state ADD COLUMN step INTEGER;
        ALTER TABLE card_state ADD COLUMN suspended INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE card_state ADD COLUMN buried_until TEXT;
        ALTER TABLE card_state ADD COLUMN flag INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE card_state ADD COLUMN leech INTEGER NOT NULL DEFAULT 0;

        -- The state before each review (all of card_state's row, as JSON; NULL: no row)
        -- makes undo exact; `state` is the card's state when it was graded.
        ALTER TABLE review_log ADD COLUMN state INTEGER;
        ALTER TABLE review_log ADD COLUMN before_json TEXT;

        CREATE TABLE review_settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);

        -- A card's reviews in order with their grades, straight from the index (card info,
        -- the optimiser's history) instead of a table lookup per review.
        DROP INDEX review_log_card;
        CREATE INDEX review_log_card ON review_log(card_key, reviewed_at, rating);

        CREATE INDEX card_state_queue
            ON card_state(state, due, grp, suspended, retired, buried_until);
        CREATE INDEX card_state_new
            ON card_state(state, position, grp, suspended, retired, buried_until);

        CREATE TRIGGER cards_state_insert AFTER INSERT ON cards BEGIN
            INSERT INTO card_groups (set_id, section_id, tags)
                SELECT new.set_id, coalesce(new.section_id, ''), new.tags
                WHERE NOT EXISTS (SELECT 1 FROM card_groups WHERE set_id = new.set_id
                    AND section_id = coalesce(new.section_id, '') AND tags = new.tags);
            UPDATE card_state SET set_id = new.set_id, item_id = new.id,
                position = new.position, retired = new.retired,
                grp = (SELECT id FROM card_groups WHERE set_id = new.set_id
                       AND section_id = coalesce(new.section_id, '') AND tags = new.tags)
                WHERE card_key = new.set_id || '/' || new.id;
            INSERT INTO card_state (card_key, due, state, set_id, item_id, grp, position,
                                    retired)
                SELECT new.set_id || '/' || new.id, '', 0, new.set_id, new.id,
                    (SELECT id FROM card_groups WHERE set_id = new.set_id
                     AND section_id = coalesce(new.section_id, '') AND tags = new.tags),
                    new.position, new.retired
                WHERE NOT EXISTS (SELECT 1 FROM card_state
                                  WHERE card_key = new.set_id || '/' || new.id);
        END;

        CREATE TRIGGER cards_state_retire AFTER UPDATE OF retired ON cards BEGIN
            UPDATE card_state SET retired = new.retired
                WHERE card_key = new.set_id || '/' || new.id;
        END;

        -- A removed set's cards leave the decks; their history stays (and comes back
        -- with the set).
        CREATE TRIGGER cards_state_delete AFTER DELETE ON cards BEGIN
            UPDATE card_state SET retired = 1 WHERE card_key = old.set_id || '/' || old.id;
        END;

        INSERT INTO card_groups (set_id, section_id, tags)
            SELECT DISTINCT set_id, coalesce(section_id, ''), tags FROM cards;
        UPDATE card_state SET retired = 1;
        UPDATE card_state SET (set_id, item_id, position, retired, grp) = (
            SELECT c.set_id, c.id, c.position, c.retired, g.id FROM cards c
            JOIN card_groups g ON g.set_id = c.set_id
                AND g.section_id = coalesce(c.section_id, '') AND g.tags = c.tags
            WHERE c.set_id || '/' || c.id = card_state.card_key)
            WHERE card_key IN (SELECT set_id || '/' || id FROM cards);
        INSERT INTO card_state (card_key, due, state, set_id, item_id, grp, position, retired)
            SELECT c.set_id || '/' || c.id, '', 0, c.set_id, c.id, g.id, c.position, c.retired
            FROM cards c JOIN card_groups g ON g.set_id = c.set_id
                AND g.section_id = coalesce(c.section_id, '') AND g.tags = c.tags
            WHERE c.set_id || '/' || c.id NOT IN (SELECT card_key FROM card_state);
        """
    )


@migrations(name="m005_quizzes")
def m005_quizzes(db: Database) -> None:
    # What a quiz needs to be resumed as it was (the seed, the drawn questions with their
    # option order, the time limit and the time used, flags, the place) and to be scored as it
    # was (its policy and pass mark, each answer's score). An exam keeps one answer per
    # question, replaced when the learner changes it.
    run_script(db,
        """
        ALTER TABLE quiz_attempts ADD COLUMN seed INTEGER;
        ALTER TABLE quiz_attempts ADD COLUMN plan_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE quiz_attempts ADD COLUMN time_limit_s REAL;
        ALTER TABLE quiz_attempts ADD COLUMN time_used_s REAL NOT NULL DEFAULT 0;
        ALTER TABLE quiz_attempts ADD COLUMN policy_json TEXT NOT NULL DEFAULT '{}';
        ALTER TABLE quiz_attempts ADD COLUMN pass_mark REAL;
        ALTER TABLE quiz_attempts ADD COLUMN flags_json TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE quiz_attempts ADD COLUMN position INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX quiz_attempts_mode ON quiz_attempts(mode, finished_at);

        ALTER TABLE quiz_answers ADD COLUMN score REAL;
        ALTER TABLE quiz_answers ADD COLUMN max_score REAL;
        DELETE FROM quiz_answers WHERE rowid NOT IN (
            SELECT max(rowid) FROM quiz_answers GROUP BY attempt_id, question_key);
        CREATE UNIQUE INDEX quiz_answers_one ON quiz_answers(attempt_id, question_key);
        """
    )


# -- m007: the Progress view's summary ----------------------------------------------------
# `activity` is an index of the study history by UTC hour and report section, kept by
# triggers on review_log and quiz_answers (and by SectionsService.add_seconds for reading
# time). The dashboard reads a few thousand of its rows instead of scanning a million
# reviews; hours are mapped to the learner's local days (day start 04:00) in
# studyapp.core.store.progress. A review is a "recall" when the card had been reviewed
# before (its first review is learning, not remembering): true retention = passed / recalls.
_CARD_SECTION = (
    "coalesce((SELECT section_id FROM cards WHERE set_id = substr({key}, 1, instr({key}, '/') - 1)"
    " AND id = substr({key}, instr({key}, '/') + 1)), '')"
)
_QUESTION_SECTION = _CARD_SECTION.replace("FROM cards", "FROM questions")


def _review_upsert(row: str, sign: str) -> str:
    # recalls_passed tests the rating first: an Again skips its second look-up of the log.
    recall = (f"EXISTS (SELECT 1 FROM review_log e WHERE e.card_key = {row}.card_key "
              f"AND e.id < {row}.id)")
    return f"""
        INSERT INTO activity (hour, section_id, reviews, again, hard, good, easy, recalls,
                              recalls_passed, review_ms)
        VALUES (substr({row}.reviewed_at, 1, 13), {_CARD_SECTION.format(key=row + '.card_key')},
                {sign}1, {sign}({row}.rating = 1), {sign}({row}.rating = 2),
                {sign}({row}.rating = 3), {sign}({row}.rating = 4), {sign}({recall}),
                {sign}({row}.rating > 1 AND {recall}), {sign}coalesce({row}.duration_ms, 0))
        ON CONFLICT (hour, section_id) DO UPDATE SET
            reviews = reviews + excluded.reviews, again = again + excluded.again,
            hard = hard + excluded.hard, good = good + excluded.good,
            easy = easy + excluded.easy, recalls = recalls + excluded.recalls,
            recalls_passed = recalls_passed + excluded.recalls_passed,
            review_ms = review_ms + excluded.review_ms;"""


def _answer_upsert(row: str, sign: str) -> str:
    return f"""
        INSERT INTO activity (hour, section_id, answers, correct, answer_ms)
        VALUES (substr({row}.answered_at, 1, 13),
                {_QUESTION_SECTION.format(key=row + '.question_key')},
                {sign}1, {sign}({row}.correct <> 0), {sign}coalesce({row}.duration_ms, 0))
        ON CONFLICT (hour, section_id) DO UPDATE SET
            answers = answers + excluded.answers, correct = correct + excluded.correct,
            answer_ms = answer_ms + excluded.answer_ms;"""


ACTIVITY_TRIGGERS = f"""
    CREATE TRIGGER activity_review_insert AFTER INSERT ON review_log BEGIN
        {_review_upsert("NEW", "+")}
    END;
    CREATE TRIGGER activity_review_delete AFTER DELETE ON review_log BEGIN
        {_review_upsert("OLD", "-")}
    END;
    CREATE TRIGGER activity_review_update AFTER UPDATE ON review_log BEGIN
        {_review_upsert("OLD", "-")}
        {_review_upsert("NEW", "+")}
    END;
    CREATE TRIGGER activity_answer_insert AFTER INSERT ON quiz_answers BEGIN
        {_answer_upsert("NEW", "+")}
    END;
    CREATE TRIGGER activity_answer_delete AFTER DELETE ON quiz_answers BEGIN
        {_answer_upsert("OLD", "-")}
    END;
    CREATE TRIGGER activity_answer_update AFTER UPDATE ON quiz_answers BEGIN
        {_answer_upsert("OLD", "-")}
        {_answer_upsert("NEW", "+")}
    END;
"""


def rebuild_activity(db: Database) -> None:
    """Fills `activity` from the history tables (the migration, and a repair if needed)."""
    db.execute("DELETE FROM activity")
    db.execute(f"""
        INSERT INTO activity (hour, section_id, reviews, again, hard, good, easy, recalls,
                              recalls_passed, review_ms)
        SELECT hour, section_id, count(*), sum(rating = 1), sum(rating = 2), sum(rating = 3),
               sum(rating = 4), sum(recall), sum(recall AND rating > 1),
               sum(coalesce(duration_ms, 0))
        FROM (SELECT substr(r.reviewed_at, 1, 13) AS hour, r.rating, r.duration_ms,
                     {_CARD_SECTION.format(key='r.card_key')} AS section_id,
                     r.id > min(r.id) OVER (PARTITION BY r.card_key) AS recall
              FROM review_log r)
        GROUP BY hour, section_id""")
    db.execute(f"""
        INSERT INTO activity (hour, section_id, answers, correct, answer_ms)
        SELECT hour, section_id, count(*), sum(correct <> 0), sum(coalesce(duration_ms, 0))
        FROM (SELECT substr(a.answered_at, 1, 13) AS hour, a.correct, a.duration_ms,
                     {_QUESTION_SECTION.format(key='a.question_key')} AS section_id
              FROM quiz_answers a)
        WHERE true
        GROUP BY hour, section_id
        ON CONFLICT (hour, section_id) DO UPDATE SET answers = excluded.answers,
            correct = excluded.correct, answer_ms = excluded.answer_ms""")
    # Reading time from before m007 has no date: it counts on the day the section was last
    # opened (or first opened), the best guess there is.
    db.execute("""
        INSERT INTO activity (hour, section_id, reading_seconds)
        SELECT substr(coalesce(last_opened_at, opened_at), 1, 13), section_id, seconds
        FROM section_progress
        WHERE seconds > 0 AND coalesce(last_opened_at, opened_at) IS NOT NULL
        ON CONFLICT (hour, section_id) DO UPDATE SET
            reading_seconds = reading_seconds + excluded.reading_seconds""")


@migrations(name="m007_progress_indexes")
def m007_progress_indexes(db: Database) -> None:
    run_script(db,
        """
        CREATE TABLE activity (
            hour TEXT NOT NULL,
            section_id TEXT NOT NULL DEFAULT '',
            reviews INTEGER NOT NULL DEFAULT 0,
            again INTEGER NOT NULL DEFAULT 0,
            hard INTEGER NOT NULL DEFAULT 0,
            good INTEGER NOT NULL DEFAULT 0,
            easy INTEGER NOT NULL DEFAULT 0,
            recalls INTEGER NOT NULL DEFAULT 0,
            recalls_passed INTEGER NOT NULL DEFAULT 0,
            review_ms INTEGER NOT NULL DEFAULT 0,
            answers INTEGER NOT NULL DEFAULT 0,
            correct INTEGER NOT NULL DEFAULT 0,
            answer_ms INTEGER NOT NULL DEFAULT 0,
            reading_seconds REAL NOT NULL DEFAULT 0,
            PRIMARY KEY (hour, section_id)
        ) WITHOUT ROWID;
        CREATE INDEX card_state_state ON card_state(state, due);
        """
    )
    rebuild_activity(db)
    run_script(db, ACTIVITY_TRIGGERS)


# -- m008: the Progress view's summaries by day, hour and section ---------------------
# Three small tables beside `activity`, kept by triggers on `activity` itself (so every way
# a row changes there, the history triggers above and the reading time, reaches them):
#   activity_days:     totals per UTC date (about 1,600 rows for four years of study);
#   activity_hours:    the same per (hour of the day, UTC date), keyed hour first, so that
#                      the few hours a learner's day start cuts off a UTC date are read
#                      by range;
#   activity_sections: totals per report section (mastery).
# Days are UTC dates, not study days: the learner's day start (Cards -> Schedule) and zone
# can change at any time, and a study day is always one UTC date less the hours before its
# cut plus the hours before the next date's cut (studyapp.core.store.progress._days).
SUMMED = ("reviews", "again", "hard", "good", "easy", "recalls", "recalls_passed",
          "review_ms", "answers", "correct", "answer_ms", "reading_seconds")
SECTION_SUMMED = ("recalls", "recalls_passed", "answers", "correct")
_SUMMARIES = (  # table, its key columns, their values from an activity row {row}
    ("activity_days", ("day",), ("substr({row}.hour, 1, 10)",), SUMMED),
    ("activity_hours", ("hh", "day"),
     ("CAST(substr({row}.hour, 12, 2) AS INTEGER)", "substr({row}.hour, 1, 10)"), SUMMED),
    ("activity_sections", ("section_id",), ("{row}.section_id",), SECTION_SUMMED),
)


def _summary_upserts(values: str) -> str:
    """An upsert into each summary of ``values`` (a column name -> its value's SQL, with
    {row} for the activity row: NEW, OLD)."""
    statements = []
    for table, keys, key_values, columns in _SUMMARIES:
        statements.append(
            f"INSERT INTO {table} ({', '.join(keys + columns)}) "
            f"VALUES ({', '.join(key_values + tuple(values.format(c=c) for c in columns))}) "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET "
            + ", ".join(f"{c} = {c} + excluded.{c}" for c in columns) + ";")
    return "\n".join(statements)


def _summary_triggers() -> str:
    # The move fires only for an UPDATE that sets hour or section_id (m017): the upserts'
    # DO UPDATE, every grade's, sets the sums alone and no longer runs it to test its WHEN.
    added = _summary_upserts("NEW.{c}").replace("{row}", "NEW")
    removed = _summary_upserts("-OLD.{c}").replace("{row}", "OLD")
    changed = _summary_upserts("NEW.{c} - OLD.{c}").replace("{row}", "NEW")
    return f"""
    CREATE TRIGGER activity_summary_insert AFTER INSERT ON activity BEGIN
        {added}
    END;
    CREATE TRIGGER activity_summary_delete AFTER DELETE ON activity BEGIN
        {removed}
    END;
    CREATE TRIGGER activity_summary_update AFTER UPDATE ON activity
    WHEN NEW.hour = OLD.hour AND NEW.section_id = OLD.section_id BEGIN
        {changed}
    END;
    CREATE TRIGGER activity_summary_move AFTER UPDATE OF hour, section_id ON activity
    WHEN NEW.hour <> OLD.hour OR NEW.section_id <> OLD.section_id BEGIN
        {removed}
        {added}
    END;
"""


SUMMARY_TRIGGERS = _summary_triggers()


def rebuild_activity_summaries(db: Database) -> None:
    """Fills the summaries from `activity` (the migration, and after rebuild_activity)."""
    for table, keys, key_values, columns in _SUMMARIES:
        db.execute(f"DELETE FROM {table}")
        group = ", ".join(value.format(row="activity") for value in key_values)
        db.execute(
            f"INSERT INTO {table} ({', '.join(keys + columns)}) "
            f"SELECT {group}, {', '.join(f'sum({c})' for c in columns)} "
            f"FROM activity GROUP BY {group}")


@migrations(name="m008_progress_summaries")
def m008_progress_summaries(db: Database) -> None:
    """The Progress view's per-day, per-hour and per-section summaries of `activity`, and
    an index that counts the cards of each section without reading the cards. One
    transaction with its record (sqlite-utils' default): a profile killed half-way through
    is left as it was, and the next open runs it again."""
    numbers = ",\n".join(
        f"{c} {'REAL' if c == 'reading_seconds' else 'INTEGER'} NOT NULL DEFAULT 0"
        for c in SUMMED)
    section_numbers = ",\n".join(f"{c} INTEGER NOT NULL DEFAULT 0" for c in SECTION_SUMMED)
    run_script(db, f"""
        CREATE TABLE activity_days (
            day TEXT NOT NULL PRIMARY KEY,
            {numbers}
        ) WITHOUT ROWID;
        CREATE TABLE activity_hours (
            hh INTEGER NOT NULL,
            day TEXT NOT NULL,
            {numbers},
            PRIMARY KEY (hh, day)
        ) WITHOUT ROWID;
        CREATE TABLE activity_sections (
            section_id TEXT NOT NULL PRIMARY KEY,
            {section_numbers}
        ) WITHOUT ROWID;
        CREATE INDEX cards_active_section ON cards(retired, section_id);
        """)
    rebuild_activity_summaries(db)
    run_script(db, SUMMARY_TRIGGERS)


@migrations(name="m009_exams")
def m009_exams(db: Database) -> None:
    """Exams learners imported (``.studyexam``, core/exams.py), and which attempt took which."""
    run_script(db,
        """
        CREATE TABLE exams (
            id TEXT PRIMARY KEY,
            title TEXT NOT NULL,
            definition TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            sha256 TEXT NOT NULL DEFAULT '',
            imported_at TEXT NOT NULL
        );
        ALTER TABLE quiz_attempts ADD COLUMN exam_id TEXT;
        CREATE INDEX quiz_attempts_exam ON quiz_attempts(exam_id);
        """
    )


@migrations(name="m015_card_groups_in_use")
def m015_card_groups_in_use(db: Database) -> None:
    """Which card groups still have cards, by index (the deck list asks it first of all;
    a scan with DISTINCT took most of the first deck counts on a 100,000-card profile)."""
    run_script(db, "CREATE INDEX card_state_group ON card_state(grp, retired);")


@migrations(name="m016_grade_indexes")
def m016_grade_indexes(db: Database) -> None:
    """Fewer index edits per grade (each is a page to read and a page to write at commit):
    ``card_state_due`` (due alone: no query asks for it) and ``card_state_state`` ((state,
    due): the front of ``card_state_queue``, which every query of it can use) go, and
    ``card_state_new`` keeps only new cards, so that a grade of a card that was not new
    leaves it alone. A grade then edits one index of card_state instead of four."""
    run_script(db, """
        DROP INDEX card_state_due;
        DROP INDEX card_state_state;
        DROP INDEX card_state_new;
        CREATE INDEX card_state_new
            ON card_state(state, position, grp, suspended, retired, buried_until)
            WHERE state = 0;
        """)


@migrations(name="m017_lighter_activity_triggers")
def m017_lighter_activity_triggers(db: Database) -> None:
    """The activity triggers again, as m007 and m008 make them now, with the same results:
    ``activity_summary_move`` is ``AFTER UPDATE OF hour, section_id`` (each grade's upsert of
    `activity` ran it only to find its WHEN false: a sub-program, its frame and registers,
    about 18,000 instructions a grade), and a review's recalls_passed looks at its rating
    before the log. The summaries' rows are untouched."""
    for name in ("review_insert", "review_delete", "review_update", "answer_insert",
                 "answer_delete", "answer_update", "summary_insert", "summary_delete",
                 "summary_update", "summary_move"):
        db.execute(f"DROP TRIGGER IF EXISTS activity_{name}")
    run_script(db, ACTIVITY_TRIGGERS)
    run_script(db, SUMMARY_TRIGGERS)
