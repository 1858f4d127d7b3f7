"""Drafts of notes: one per section, kept in the profile until saved or thrown away."""

from __future__ import annotations

from pathlib import Path

from studyapp.core.store import open_store


def test_a_draft_is_kept_per_section_and_survives_reopening(tmp_path: Path) -> None:
    store = open_store(tmp_path, "learner")
    try:
        assert store.notes.draft("intro") is None
        store.notes.save_draft("intro", "Half a thought", paragraph=0)
        store.notes.save_draft("reasons.1", "另一个想法", note_id=None)
        store.notes.save_draft("intro", "Half a thought, and more", paragraph=0)
    finally:
        store.close()
    store = open_store(tmp_path, "learner")
    try:
        draft = store.notes.draft("intro")
        assert draft is not None
        assert (draft.text, draft.paragraph, draft.note_id) == ("Half a thought, and more", 0,
                                                                None)
        assert [d.section_id for d in store.notes.drafts()] == ["intro", "reasons.1"]
        store.notes.save_draft("reasons.1", "   ")  # nothing left to keep
        store.notes.discard_draft("intro")
        assert store.notes.drafts() == []
        assert store.notes.all() == []  # drafts are not notes
    finally:
        store.close()
