"""Each migration upgrades a database made by the version before it, keeping its data."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from sqlite_utils import Database

from studyapp.core.migrations import migrations
from studyapp.core.paths import profile_path
from studyapp.core.store import open_store

with closing(Database(memory=True)) as _empty:
    ALL = [m.name for m in migrations.pending(_empty)]


def test_a_fresh_profile_gets_every_migration(tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    assert [m.name for m in migrations.applied(store.db)] == ALL
    assert ALL[0] == "m001_initial"
    store.close()


def test_upgrading_keeps_data_and_leaves_a_backup(tmp_path: Path) -> None:
    """An older database: the first migration applied and data written, the rest pending."""
    path = profile_path(tmp_path, "default")
    path.parent.mkdir(parents=True)
    old = Database(path)
    migrations.apply(old, stop_before=ALL[1])
    old.execute("INSERT INTO section_progress (section_id, seconds) VALUES ('intro', 42)")
    old.execute("INSERT INTO notes (section_id, text, created_at, updated_at) "
                "VALUES ('intro', 'kept', 'then', 'then')")
    old.close()

    store = open_store(tmp_path, "default")
    before = list((tmp_path / "backups" / "default").glob("*-before-upgrade.sqlite3"))
    assert len(before) == 1
    with closing(Database(before[0])) as backup:
        assert backup["notes"].count == 1
    assert store.sections.progress("intro").seconds == 42
    assert [n.text for n in store.notes.all()] == ["kept"]
    assert [m.name for m in migrations.applied(store.db)] == ALL
    indexes = {index.name for index in store.db["quiz_answers"].indexes}
    assert "quiz_answers_question" in indexes
    store.close()


def test_m005_keeps_old_quiz_records_and_adds_what_resuming_needs(tmp_path: Path) -> None:
    path = profile_path(tmp_path, "default")
    path.parent.mkdir(parents=True)
    old = Database(path)
    migrations.apply(old, stop_before="m005_quizzes")
    old.execute("INSERT INTO quiz_attempts (id, mode, scope, started_at, finished_at, score, "
                "max_score, passed) VALUES (1, 'exam', 'report', 't0', 't1', 3, 4, 1)")
    for answered_at in ("t0", "t1"):  # a duplicate answer: the later one is kept
        old.execute("INSERT INTO quiz_answers (attempt_id, question_key, answer_json, correct, "
                    "answered_at) VALUES (1, 's/q', '0', 1, ?)", [answered_at])
    old.close()

    store = open_store(tmp_path, "default")
    record = store.quizzes.attempt(1)
    assert record is not None and (record.score, record.passed, record.plan) == (3, True, [])
    assert record.time_used_s == 0 and record.flags == [] and record.seed is None
    assert [a.answered_at for a in store.quizzes.answers(1)] == ["t1"]
    assert "quiz_answers_one" in {index.name for index in store.db["quiz_answers"].indexes}
    store.close()


def test_run_script_splits_as_sqlite_does_inside_a_transaction() -> None:
    from studyapp.core.migrations import run_script

    script = """
        CREATE TABLE t (a TEXT); -- a comment; with a semicolon
        CREATE TABLE log (n INTEGER);
        CREATE TRIGGER t_ins AFTER INSERT ON t BEGIN
            INSERT INTO log VALUES (1);
            INSERT INTO log VALUES (2);
        END;
        INSERT INTO t VALUES ('x;y');
        -- a last comment, no statement
    """
    with closing(Database(memory=True)) as db:
        with db.atomic():
            run_script(db, script)
            assert db.conn.in_transaction  # not committed behind the caller's back
        assert [row[0] for row in db.execute("SELECT a FROM t")] == ["x;y"]
        assert db.execute("SELECT count(*) FROM log").fetchone()[0] == 2
