"""The profile store: progress, notes, bookmarks, question sets, and its error states."""

from __future__ import annotations

from pathlib import Path

import pytest

from studyapp.core.questionsets.model import Card, Choice, Question, QuestionSet
from studyapp.core.store import (
    CorruptDatabaseError,
    NewerDatabaseError,
    Store,
    StoreError,
    open_store,
)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    opened = open_store(tmp_path / "data", "default")
    yield opened
    opened.close()


def sample_set(prompts: dict[str, str], version: str = "1") -> QuestionSet:
    return QuestionSet(
        id="trainer-set", title="Trainer set", version=version, format="native",
        questions=[
            Question(id=qid, type="single", prompt=prompt, section="intro",
                     choices=[Choice("yes", True), Choice("no")])
            for qid, prompt in prompts.items()
        ],
        cards=[Card(id="c1", front="front", back="back", section="intro")],
    )


def test_connection_uses_wal_and_foreign_keys(store: Store) -> None:
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    # A commit that returned is on the disk (survives a power cut, not only a crash).
    assert store.db.execute("PRAGMA synchronous").fetchone()[0] == 2
    assert store.path.name == "default.sqlite3"


def test_section_progress_is_recorded_and_survives_reopening(tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    store.sections.opened("problems.1")
    store.sections.add_seconds("problems.1", 12.5)
    store.sections.set_position("problems.1", 0.4)
    store.sections.mark_read("problems.1")
    first_open = store.sections.progress("problems.1").opened_at
    store.sections.opened("intro")
    store.close()

    reopened = open_store(tmp_path, "default")
    progress = reopened.sections.progress("problems.1")
    assert progress.opened_at == first_open and progress.read_at is not None
    assert progress.seconds == 12.5 and progress.position == 0.4
    assert reopened.sections.read_ids() == {"problems.1"}
    assert reopened.sections.last_opened() == "intro"
    reopened.sections.mark_read("problems.1", read=False)
    assert reopened.sections.read_ids() == set()
    reopened.close()


def test_position_is_clamped_and_unknown_sections_have_empty_progress(store: Store) -> None:
    store.sections.set_position("intro", 3.0)
    assert store.sections.progress("intro").position == 1.0
    assert store.sections.progress("reasons.2").opened_at is None


def test_notes_and_bookmarks(store: Store) -> None:
    note = store.notes.add("intro", "first thought", paragraph=0)
    store.notes.add("reasons.1", "other")
    store.notes.update(note.id, "revised thought")
    assert [n.text for n in store.notes.for_section("intro")] == ["revised thought"]
    store.notes.delete(note.id)
    assert [n.section_id for n in store.notes.all()] == ["reasons.1"]

    mark = store.bookmarks.add("suggestions.5.2", label="charge")
    assert [b.label for b in store.bookmarks.for_section("suggestions.5.2")] == ["charge"]
    store.bookmarks.rename(mark.id, "  boldness and charge ")
    assert [b.label for b in store.bookmarks.all()] == ["boldness and charge"]
    store.bookmarks.remove(mark.id)
    assert store.bookmarks.all() == []


def test_reimport_keeps_history_for_unchanged_ids(store: Store) -> None:
    first = store.question_sets.import_set(sample_set({"q1": "One?", "q2": "Two?"}))
    assert (first.added, first.updated, first.retired) == (3, 0, 0)
    store.db.execute(
        "INSERT INTO review_log (card_key, rating, reviewed_at) VALUES ('trainer-set/c1', 3, 'x')"
    )

    second = store.question_sets.import_set(
        sample_set({"q1": "One, fixed?", "q3": "Three?"}, version="2")
    )
    assert (second.added, second.updated, second.unchanged, second.retired) == (1, 1, 1, 1)
    current = store.question_sets.get("trainer-set")
    assert [q.id for q in current.questions] == ["q1", "q3"]
    assert current.questions[0].prompt == "One, fixed?"
    assert current.questions[0].choices[0].correct is True
    retired = store.db.execute(
        "SELECT prompt FROM questions WHERE set_id = 'trainer-set' AND retired = 1"
    ).fetchall()
    assert retired == [("Two?",)]
    assert store.db.execute("SELECT count(*) FROM review_log").fetchone()[0] == 1
    info = store.question_sets.info("trainer-set")
    assert (info.version, info.question_count, info.card_count) == ("2", 2, 1)
    assert info.by_type == {"single": 2} and info.by_section == {"intro": 3}


def test_a_failing_import_writes_nothing(store: Store) -> None:
    broken = sample_set({"q1": "One?"})
    broken.questions.append(Question(id="q1", type="single", prompt="duplicate id"))
    broken.questions[-1].choices = [Choice("a", True), Choice("b")]
    broken.cards.append(Card(id="c2", front=None, back="x"))  # type: ignore[arg-type]
    with pytest.raises(StoreError, match="NOT NULL constraint failed"):
        store.question_sets.import_set(broken)
    assert store.question_sets.list() == []


def test_builtin_sets_are_protected_and_trainer_sets_removable(store: Store) -> None:
    store.question_sets.import_set(sample_set({"q1": "One?"}))
    builtin = sample_set({"b1": "Built in?"})
    builtin.id, builtin.builtin = "shipped", True
    store.question_sets.import_set(builtin)
    with pytest.raises(StoreError, match="cannot be removed"):
        store.question_sets.remove("shipped")
    store.question_sets.remove("trainer-set")
    assert [info.id for info in store.question_sets.list()] == ["shipped"]
    assert store.db.execute("SELECT count(*) FROM questions WHERE set_id = 'trainer-set'"
                            ).fetchone()[0] == 0


def test_progress_callback_reaches_the_total(store: Store) -> None:
    calls: list[tuple[int, int]] = []
    prompts = {f"q{n}": f"Question {n}?" for n in range(1200)}
    store.question_sets.import_set(sample_set(prompts), progress=lambda d, t: calls.append((d, t)))
    assert calls[-1] == (1201, 1201)
    assert len(calls) >= 3 and all(d <= t for d, t in calls)


def test_unwritable_data_dir_gets_a_clear_message(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    with pytest.raises(StoreError, match="cannot write to its data folder"):
        open_store(blocker / "data", "default")


def test_a_database_from_a_newer_version_is_refused_untouched(tmp_path: Path) -> None:
    store = open_store(tmp_path, "default")
    store.db.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
        "VALUES ('studyapp', 'm999_from_the_future', 'later')"
    )
    store.close()
    before = store.path.read_bytes()
    with pytest.raises(NewerDatabaseError, match="newer version of StudyApp"):
        open_store(tmp_path, "default")
    assert store.path.read_bytes() == before


def test_a_file_that_is_not_a_database_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "profiles" / "default.sqlite3"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"this is a text file, not SQLite" * 10)
    with pytest.raises(CorruptDatabaseError, match="not a StudyApp database"):
        open_store(tmp_path, "default")


def test_bad_profile_names_are_refused(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="cannot be used as a profile name"):
        open_store(tmp_path, "../escape")
    opened = open_store(tmp_path, "张伟")
    opened.close()
    assert opened.path.name == "张伟.sqlite3"


def test_import_sets_is_all_or_nothing_with_progress_across_sets(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = sample_set({"q1": "One?", "q2": "Two?"})
    second = sample_set({"q1": "One?"})
    second.id = "second-set"
    seen: list[tuple[int, int]] = []
    summaries = store.question_sets.import_sets([(first, "a"), (second, "b")],
                                                progress=lambda d, t: seen.append((d, t)))
    assert [s.set_id for s in summaries] == ["trainer-set", "second-set"]
    assert seen[-1] == (5, 5) and all(total == 5 for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)

    third = sample_set({"q9": "Nine?"})
    third.id = "third-set"
    original = store.question_sets.import_set

    def fail_on_the_second(question_set: QuestionSet, *args: object, **kwargs: object) -> object:
        if question_set.id == "second-set":
            raise StoreError("disk full")
        return original(question_set, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(store.question_sets, "import_set", fail_on_the_second)
    with pytest.raises(StoreError):
        store.question_sets.import_sets([(third, "c"), (second, "d")])
    assert "third-set" not in [s.id for s in store.question_sets.list()]


def test_services_stamp_with_the_injected_clock(tmp_path: Path) -> None:
    from datetime import UTC, datetime

    from studyapp.core.clock import FakeClock

    clock = FakeClock(datetime(2027, 3, 1, 8, 30, tzinfo=UTC))
    store = open_store(tmp_path, "default", clock=clock)
    try:
        store.sections.opened("intro")
        note = store.notes.add("intro", "first")
        clock.advance(days=40)
        store.notes.update(note.id, "later")
        store.sections.mark_read("intro")
        [saved] = store.notes.all()
        assert store.sections.progress("intro").opened_at == "2027-03-01T08:30:00+00:00"
        assert store.sections.progress("intro").read_at == "2027-04-10T08:30:00+00:00"
        assert (saved.created_at, saved.updated_at) == (
            "2027-03-01T08:30:00+00:00", "2027-04-10T08:30:00+00:00")
    finally:
        store.close()
